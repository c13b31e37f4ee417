// Managing subscriptions through lib/db/feeds: rename, move with posts, interval, notify, undo.
import { beforeEach, describe, expect, it } from 'vitest';
import { addFeeds, removeFeedForUndo, restoreFeed, updateFeed } from '../db/feeds';
import type { Db } from '../db/open-db';
import { commitPoll } from '../db/posts';
import { freshDb } from '../db/test-db';
import type { ParsedItem } from '../feed/types';

const NOW = Date.UTC(2026, 5, 1);
const item = (id: string): ParsedItem => ({ id, title: id, published: NOW - 1000, enclosures: [], categories: [] });

let db: Db;
let feedId: string;
beforeEach(async () => {
  db = await freshDb();
  const { added } = await addFeeds(db, [{ url: 'https://a.example/f', title: 'A', folder: 'Old', firstCheckAt: NOW + 3_600_000 }], NOW);
  feedId = added[0]!.id;
  await commitPoll(db, feedId, (f) => ({ ...f, lastFetchAt: NOW, nextCheckAt: NOW + 86_400_000 }), [item('1'), item('2')], NOW);
});

describe('managing a subscription', () => {
  it('renames and moves a feed, its posts moving with it in the same transaction', async () => {
    const next = await updateFeed(db, feedId, { title: '  New   name ', folder: ' Tech /  Python ' }, NOW);
    expect(next).toMatchObject({ title: 'New name', folder: 'Tech / Python' });
    const posts = await db.getAll('posts');
    expect(posts.map((p) => p.folder)).toEqual(['Tech / Python', 'Tech / Python']);
  });

  it('sets an interval of at least 15 minutes that takes effect now, and clears it', async () => {
    const next = await updateFeed(db, feedId, { overrideMinutes: 5 }, NOW + 60_000);
    expect(next?.overrideMinutes).toBe(15);
    expect(next?.nextCheckAt).toBe(NOW + 15 * 60_000);
    const cleared = await updateFeed(db, feedId, { overrideMinutes: null }, NOW);
    expect(cleared?.overrideMinutes).toBeUndefined();
  });

  it('turns notifications on from now, and off', async () => {
    expect(await updateFeed(db, feedId, { notify: true }, NOW + 5)).toMatchObject({ notify: true, notifyFrom: NOW + 5 });
    const off = await updateFeed(db, feedId, { notify: false }, NOW + 9);
    expect(off?.notify).toBeUndefined();
    expect(off?.notifyFrom).toBeUndefined();
    expect(await updateFeed(db, 'nope', { title: 'x' }, NOW)).toBeUndefined();
  });

  it('unsubscribes with undo: the feed and its posts (read state included) come back', async () => {
    const before = { feed: await db.get('feeds', feedId), posts: await db.getAll('posts') };
    const removed = await removeFeedForUndo(db, feedId);
    expect(await db.count('feeds')).toBe(0);
    expect(await db.count('posts')).toBe(0);
    expect(await restoreFeed(db, removed!)).toBe(true);
    expect(await db.get('feeds', feedId)).toEqual(before.feed);
    expect(await db.getAll('posts')).toEqual(before.posts);
    // Not twice, and not over a newer subscription to the same URL.
    expect(await restoreFeed(db, removed!)).toBe(false);
  });
});

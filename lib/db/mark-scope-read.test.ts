import { describe, expect, it } from 'vitest';
import type { ParsedItem } from '../feed/types';
import { addFeeds } from './feeds';
import { countPosts } from './count-posts';
import { markScopeRead } from './mark-scope-read';
import { commitPoll, setRead, setStarred } from './posts';
import { countUnread, queryPosts } from './queries';
import { freshDb } from './test-db';

const item = (id: string, published: number): ParsedItem => ({ id, title: `Post ${id}`, published, enclosures: [], categories: [] });

async function setup() {
  const db = await freshDb();
  const { added } = await addFeeds(
    db,
    [
      { url: 'http://a.example/feed.xml', title: 'A', folder: 'Blogs', firstCheckAt: 0 },
      { url: 'http://b.example/feed.xml', title: 'B', folder: 'Blogs', firstCheckAt: 0 },
      { url: 'http://c.example/feed.xml', title: 'C', folder: 'Podcasts', firstCheckAt: 0 },
    ],
    1000,
  );
  const [a, b, c] = added as [(typeof added)[0], (typeof added)[0], (typeof added)[0]];
  await commitPoll(db, a.id, (f) => f, [item('a1', 100), item('a2', 400)], 5000);
  await commitPoll(db, b.id, (f) => f, [item('b1', 200), item('b2', 400)], 5000);
  await commitPoll(db, c.id, (f) => f, [item('c1', 300), item('c2', 500)], 5000);
  return { db, a, b, c };
}

describe('markScopeRead', () => {
  it('marks a folder read and returns exactly the keys it changed, so undo restores them', async () => {
    const { db, a, b } = await setup();
    await setRead(db, [[a.id, 'a1']], true);
    const keys = await markScopeRead(db, { folder: 'Blogs' });
    expect(keys.map((k) => k[1]).sort()).toEqual(['a2', 'b1', 'b2']);
    expect(await countUnread(db)).toBe(2);
    await setRead(db, keys, false);
    expect(await countUnread(db)).toBe(5);
    expect((await db.get('posts', [a.id, 'a1']))?.read).toBe(1);
    expect((await db.get('posts', [b.id, 'b1']))?.read).toBe(0);
  });

  it('marks one feed, or everything', async () => {
    const { db, c } = await setup();
    expect((await markScopeRead(db, { feedId: c.id })).map((k) => k[1]).sort()).toEqual(['c1', 'c2']);
    expect(await markScopeRead(db, {})).toHaveLength(4);
    expect(await countUnread(db)).toBe(0);
  });

  it('marks only the posts above one post, in river order (ties broken as the index sorts them)', async () => {
    const { db } = await setup();
    const river = (await queryPosts(db, { filter: 'all', limit: 10 })).posts;
    expect(river.map((p) => p.sortKey)).toEqual([500, 400, 400, 300, 200, 100]);
    const anchor = river[2]!;
    const keys = await markScopeRead(db, { above: { sortKey: anchor.sortKey, key: [anchor.feedId, anchor.id] } });
    expect(keys).toEqual(river.slice(0, 2).map((p) => [p.feedId, p.id]));
    const after = (await queryPosts(db, { filter: 'all', limit: 10 })).posts.map((p) => p.read);
    expect(after).toEqual([1, 1, 0, 0, 0, 0]);
  });

  it('can be limited to starred posts', async () => {
    const { db, b, c } = await setup();
    await setStarred(db, [b.id, 'b1'], true);
    expect(await markScopeRead(db, { starredOnly: true })).toEqual([[b.id, 'b1']]);
    expect((await db.get('posts', [c.id, 'c2']))?.read).toBe(0);
  });
});

describe('countPosts', () => {
  it('counts what each river pages through', async () => {
    const { db, a, c } = await setup();
    await setRead(db, [[a.id, 'a1']], true);
    await setStarred(db, [c.id, 'c1'], true);
    expect(await countPosts(db, { filter: 'all' })).toBe(6);
    expect(await countPosts(db, { filter: 'unread' })).toBe(5);
    expect(await countPosts(db, { filter: 'starred' })).toBe(1);
    expect(await countPosts(db, { filter: 'all', folder: 'Blogs' })).toBe(4);
    expect(await countPosts(db, { filter: 'unread', folder: 'Blogs' })).toBe(3);
    expect(await countPosts(db, { filter: 'unread', feedId: a.id })).toBe(1);
    expect(await countPosts(db, { filter: 'all', feedId: c.id })).toBe(2);
    expect(await countPosts(db, { filter: 'starred', feedId: c.id })).toBeUndefined();
  });
});

/** Removing a post shown in other feeds' place (unsubscribe, retention) hands its place to a copy; undo folds it back. */
import { describe, expect, it } from 'vitest';
import { addFeeds, removeFeedForUndo, restoreFeed } from '../db/feeds';
import { commitPoll, setStarred } from '../db/posts';
import { countUnread, queryPosts } from '../db/queries';
import { freshDb } from '../db/test-db';
import type { ParsedItem } from '../feed/types';

const DAY = 86_400_000;
const item = (id: string, title: string, published: number, url?: string): ParsedItem => ({ id, title, published, enclosures: [], categories: [], ...(url ? { url } : {}) });

/** The same post in three feeds: the author's is shown, the Planet's and the mirror's fold under it. */
async function folded() {
  const db = await freshDb();
  const { added } = await addFeeds(
    db,
    ['author', 'planet', 'mirror'].map((n) => ({ url: `http://${n}.example/feed.xml`, title: n, folder: '', firstCheckAt: 0 })),
    1000,
  );
  const [author, planet, mirror] = added as [(typeof added)[0], (typeof added)[0], (typeof added)[0]];
  await commitPoll(db, author.id, (f) => f, [item('a1', 'Shared post', 5 * DAY, 'https://blog.example/shared'), item('a0', 'Old one', 1 * DAY, 'https://blog.example/old')], 10);
  await commitPoll(db, planet.id, (f) => f, [item('p1', 'Shared post', 5 * DAY, 'https://blog.example/shared')], 20);
  await commitPoll(db, mirror.id, (f) => f, [item('m1', 'Shared post', 5 * DAY, 'https://blog.example/shared/')], 30);
  return { db, author, planet, mirror };
}

const river = async (db: Awaited<ReturnType<typeof freshDb>>) => (await queryPosts(db, { filter: 'all', limit: 10 })).posts.map((p) => `${p.feedId}/${p.id}`);

describe('removing a post that other feeds fold under', () => {
  it('unsubscribing its feed shows the first copy in its place, with its read state and star, and the other copy under it', async () => {
    const { db, author, planet, mirror } = await folded();
    await setStarred(db, [author.id, 'a1'], true);
    expect(await river(db)).toEqual([`${author.id}/a1`, `${author.id}/a0`]);
    await removeFeedForUndo(db, author.id);
    expect(await river(db)).toEqual([`${planet.id}/p1`]);
    const heir = (await db.get('posts', [planet.id, 'p1']))!;
    expect(heir.dupOf).toBeUndefined();
    expect(heir.alsoIn).toEqual([[mirror.id, 'm1']]);
    expect(heir.read).toBe(0);
    expect(heir.starred).toBe(1);
    expect(heir.dupKeys?.length).toBeGreaterThan(0);
    expect((await db.get('posts', [mirror.id, 'm1']))!.dupOf).toEqual([planet.id, 'p1']);
    expect(await countUnread(db)).toBe(1);
    // A new copy arriving later finds the post now shown.
    const { added } = await addFeeds(db, [{ url: 'http://late.example/feed.xml', title: 'late', folder: '', firstCheckAt: 0 }], 40);
    await commitPoll(db, added[0]!.id, (f) => f, [item('l1', 'Shared post', 5 * DAY, 'https://blog.example/shared')], 50);
    expect(await river(db)).toEqual([`${planet.id}/p1`]);
  });

  it('undoing the unsubscribe brings its posts back folded under the copy shown meanwhile, nothing twice', async () => {
    const { db, author, planet } = await folded();
    const removed = (await removeFeedForUndo(db, author.id))!;
    expect(await restoreFeed(db, removed)).toBe(true);
    expect(await river(db)).toEqual([`${planet.id}/p1`, `${author.id}/a0`]);
    expect((await db.get('posts', [author.id, 'a1']))!.dupOf).toEqual([planet.id, 'p1']);
    expect(await countUnread(db)).toBe(2);
  });

  it('unsubscribing a feed whose post is a copy takes it out of the shown post’s "also in"', async () => {
    const { db, author, planet, mirror } = await folded();
    await removeFeedForUndo(db, planet.id);
    expect((await db.get('posts', [author.id, 'a1']))!.alsoIn).toEqual([[mirror.id, 'm1']]);
    expect(await river(db)).toEqual([`${author.id}/a1`, `${author.id}/a0`]);
  });

  it('retention removing the shown post shows a copy in its place', async () => {
    const { db, author, planet } = await folded();
    // The author's feed no longer lists a1, and keeps one post: a1 (older than the new one) goes.
    await commitPoll(db, author.id, (f) => f, [item('a2', 'Newer', 9 * DAY, 'https://blog.example/newer')], 60, { keepPosts: 1, keepDays: 0 });
    expect(await db.get('posts', [author.id, 'a1'])).toBeUndefined();
    expect(await river(db)).toEqual([`${author.id}/a2`, `${planet.id}/p1`]);
  });
});

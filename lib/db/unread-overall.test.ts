import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedItem } from '../feed/types';
import { addFeeds } from './feeds';
import { markScopeRead } from './mark-scope-read';
import { commitPoll, setRead } from './posts';
import { queryPosts, readUnreadCounts } from './queries';
import { freshDb, installGetAllRecords, uninstallGetAllRecords } from './test-db';
import type { Db } from './open-db';

const item = (id: string, published: number): ParsedItem => ({ id, title: `Post ${id}`, published, enclosures: [], categories: [] });

/** Three feeds, two with no folder, 30 unread posts each, interleaved in time (ties included). */
async function mixedDb(): Promise<{ db: Db; feeds: string[] }> {
  const db = await freshDb();
  const { added } = await addFeeds(
    db,
    [
      { url: 'http://a.example/feed.xml', title: 'A', folder: '', firstCheckAt: 0 },
      { url: 'http://b.example/feed.xml', title: 'B', folder: 'Blogs', firstCheckAt: 0 },
      { url: 'http://c.example/feed.xml', title: 'C', folder: '', firstCheckAt: 0 },
    ],
    0,
  );
  const feeds = added.map((f) => f.id);
  for (const [n, feedId] of feeds.entries()) {
    await commitPoll(db, feedId, (f) => f, Array.from({ length: 30 }, (_, i) => item(`p${i}`, (i * 3 + n) * 100 - (i % 4 === 0 ? n * 100 : 0))), 1000);
  }
  return { db, feeds };
}

/** The overall unread river, page after page. */
async function unreadRiver(db: Db, limit: number): Promise<string[]> {
  const out: string[] = [];
  let page = await queryPosts(db, { filter: 'unread', limit });
  out.push(...page.posts.map((p) => `${p.feedId}/${p.id}`));
  while (page.next) {
    page = await queryPosts(db, { filter: 'unread', limit, after: page.next });
    out.push(...page.posts.map((p) => `${p.feedId}/${p.id}`));
  }
  return out;
}

async function expected(db: Db): Promise<string[]> {
  const unread = (await db.getAll('posts')).filter((p) => p.read === 0);
  unread.sort((a, b) => b.sortKey - a.sortKey || indexedDB.cmp([b.feedId, b.id], [a.feedId, a.id]));
  return unread.map((p) => `${p.feedId}/${p.id}`);
}

afterEach(() => uninstallGetAllRecords());

describe('the overall unread ledger', () => {
  it('a new unread post with no folder writes no overall entry; one in a folder does', async () => {
    const { db } = await mixedDb();
    // 90 unread posts: 30 in a folder. Each has its feed's and its folder's entry.
    expect(await db.count('unread')).toBe(30);
    expect(await db.count('unreadByFeed')).toBe(90);
    expect(await db.count('unreadByFolder')).toBe(90);
    expect((await readUnreadCounts(db)).total).toBe(90);
    db.close();
  });

  it.each(['getAllRecords', 'cursor'])('pages the overall unread river over posts with and without a folder, in river order (%s)', async (how) => {
    if (how === 'getAllRecords') installGetAllRecords();
    const { db, feeds } = await mixedDb();
    for (const limit of [1, 7, 40, 200]) expect(await unreadRiver(db, limit)).toEqual(await expected(db));
    // Read posts leave it, from either store.
    await setRead(db, [[feeds[0]!, 'p3'], [feeds[1]!, 'p3'], [feeds[2]!, 'p29']], true);
    expect(await unreadRiver(db, 7)).toEqual(await expected(db));
    expect(await unreadRiver(db, 7)).toHaveLength(87);
    db.close();
  });

  it('keeps one of a post stored before v7 with an entry in both stores, and drops both when it is read', async () => {
    const { db, feeds } = await mixedDb();
    // As v6 wrote them: the posts with no folder had an overall entry too.
    const folderless = (await db.getAll('posts')).filter((x) => x.folder === '');
    const tx = db.transaction('unread', 'readwrite');
    for (const p of folderless) void tx.store.put(1, [p.sortKey, p.feedId, p.id]);
    await tx.done;
    expect(await db.count('unread')).toBe(90);
    expect(await unreadRiver(db, 7)).toEqual(await expected(db));
    await setRead(db, [[feeds[0]!, 'p5']], true);
    expect(await db.count('unread')).toBe(89);
    expect(await unreadRiver(db, 7)).toEqual(await expected(db));
    db.close();
  });

  it('marks everything read, posts with no folder included, and "above" a post in river order', async () => {
    const { db } = await mixedDb();
    const river = await expected(db);
    const anchor = (await db.getAll('posts')).find((p) => `${p.feedId}/${p.id}` === river[20])!;
    const changed = await markScopeRead(db, { above: { sortKey: anchor.sortKey, key: [anchor.feedId, anchor.id] } });
    expect(changed.map(([f, id]) => `${f}/${id}`).sort()).toEqual(river.slice(0, 20).sort());
    expect(await unreadRiver(db, 7)).toEqual(river.slice(20));
    await markScopeRead(db, {});
    expect(await unreadRiver(db, 7)).toEqual([]);
    expect((await readUnreadCounts(db)).total).toBe(0);
    expect(await db.count('unreadByFolder')).toBe(0);
    db.close();
  });
});

import 'fake-indexeddb/auto';
import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { countPosts } from './count-posts';
import { openOrreryDb, type Db } from './open-db';
import { commitPoll, setRead, setStarred } from './posts';
import { queryPosts, readUnreadCounts, type PostQuery } from './queries';
import { riverIndexReady, runRiverBackfill } from './river-backfill';
import { markRiver, RIVER_FILL_KEY, type RiverFill } from './river-keys';
import { DB_VERSION, LEGACY_RIVER_INDEXES, MIGRATIONS, type OrreryDB } from './schema';
import { freshDb, installGetAllRecords, uninstallGetAllRecords } from './test-db';
import type { StoredPost } from './types';

const FOLDERS = ['Blogs', ''];
const FEEDS = ['f0', 'f1', 'f2'];
const POSTS = 300;

/**
 * A database as Orrery's v6 left it: three feeds (one with no folder), posts some of which are
 * hidden, folded, starred or read, the ledger and counts kept. `fill`: where the v6 backfill
 * stood; posts it had passed (all when done) carry their riverKeys, as v6 wrote them.
 */
async function v6Database(name: string, fill: RiverFill): Promise<void> {
  const db = await openDB<OrreryDB>(name, 6, {
    upgrade(udb, oldVersion, _n, tx) {
      for (let i = oldVersion; i < 6; i++) MIGRATIONS[i]!(udb as never, tx as never, oldVersion);
    },
  });
  // Untyped: the `unread` store of these versions is gone from the current schema (v8).
  const tx = (db as unknown as IDBPDatabase).transaction(['feeds', 'posts', 'unread', 'unreadByFeed', 'unreadByFolder', 'meta'], 'readwrite');
  FEEDS.forEach((id, i) => {
    void tx.objectStore('feeds').put({
      id, url: `http://${id}.example/feed.xml`, title: id, folder: FOLDERS[i % 2]!, state: 'active', addedAt: 1,
      nextCheckAt: 2, intervalMs: 0, scheduleReason: '', errorCount: 0, fetchCount: 1, notModifiedCount: 0, bytesReceived: 0,
    });
  });
  const counts = { total: 0, posts: 0, feeds: {} as Record<string, number>, folders: {} as Record<string, number> };
  for (let i = 0; i < POSTS; i++) {
    const f = i % FEEDS.length;
    const feedId = FEEDS[f]!;
    const folder = FOLDERS[f % 2]!;
    const read = i % 3 === 0 ? 0 : 1;
    const post: StoredPost = {
      feedId, id: `p${i}`, title: `Post ${i}`, firstSeen: i, sortKey: i, enclosures: [], categories: [], read, starred: i % 7 === 0 ? 1 : 0, folder, updatedAt: i,
      ...(i >= POSTS - 40 ? { hiddenBy: 'r' } : {}),
      ...(i % 11 === 5 && i < POSTS - 40 ? { dupOf: [FEEDS[(f + 1) % 3]!, `p${i - 4}`] as [string, string] } : {}),
    };
    // Posts the backfill passed, and half the others (written by v6), carry their keys.
    if (fill.done || (fill.after && indexedDB.cmp([feedId, post.id], fill.after) <= 0) || i % 2 === 0) markRiver(post);
    void tx.objectStore('posts').put(post);
    counts.posts++;
    if (read === 0) {
      counts.total++;
      counts.feeds[feedId] = (counts.feeds[feedId] ?? 0) + 1;
      counts.folders[folder] = (counts.folders[folder] ?? 0) + 1;
      void tx.objectStore('unread').put(1, [i, feedId, post.id]);
      void tx.objectStore('unreadByFeed').put(1, [feedId, i, post.id]);
      void tx.objectStore('unreadByFolder').put(1, [folder, i, feedId, post.id]);
    }
  }
  void tx.objectStore('meta').put(counts, 'counts');
  void tx.objectStore('meta').put(fill, RIVER_FILL_KEY);
  await tx.done;
  db.close();
}

const postIndexes = (db: Db) => [...db.transaction('posts').store.indexNames];

/** Every page of a river, 25 posts at a time. */
async function pageAll(db: Db, q: Omit<PostQuery, 'limit' | 'after'>): Promise<string[]> {
  const out: string[] = [];
  let page = await queryPosts(db, { ...q, limit: 25 });
  out.push(...page.posts.map((p) => `${p.feedId}/${p.id}`));
  while (page.next) {
    page = await queryPosts(db, { ...q, limit: 25, after: page.next });
    out.push(...page.posts.map((p) => `${p.feedId}/${p.id}`));
  }
  return out;
}

const newestFirst = (ps: StoredPost[]) => [...ps].sort((a, b) => b.sortKey - a.sortKey || indexedDB.cmp([b.feedId, b.id], [a.feedId, a.id]));
const ids = (ps: StoredPost[]) => ps.map((p) => `${p.feedId}/${p.id}`);

/** Every river (everything, each folder, starred, each feed, unread of each scope) and its count, against a scan of the posts. */
async function expectRivers(db: Db): Promise<void> {
  const all = await db.getAll('posts');
  const river = newestFirst(all.filter((p) => p.hiddenBy === undefined && p.dupOf === undefined));
  const unread = river.filter((p) => p.read === 0);
  expect(await pageAll(db, { filter: 'all' })).toEqual(ids(river));
  expect(await countPosts(db, { filter: 'all' })).toBe(river.length);
  expect(await pageAll(db, { filter: 'starred' })).toEqual(ids(river.filter((p) => p.starred === 1)));
  expect(await countPosts(db, { filter: 'starred' })).toBe(river.filter((p) => p.starred === 1).length);
  expect(await pageAll(db, { filter: 'unread' })).toEqual(ids(unread));
  const counts = await readUnreadCounts(db);
  for (const folder of FOLDERS) {
    expect(await pageAll(db, { filter: 'all', folder })).toEqual(ids(river.filter((p) => p.folder === folder)));
    expect(await pageAll(db, { filter: 'starred', folder })).toEqual(ids(river.filter((p) => p.folder === folder && p.starred === 1)));
    expect(await pageAll(db, { filter: 'unread', folder })).toEqual(ids(unread.filter((p) => p.folder === folder)));
    expect(await countPosts(db, { filter: 'all', folder })).toBe(river.filter((p) => p.folder === folder).length);
    expect(counts.folders[folder] ?? 0).toBe(all.filter((p) => p.read === 0 && p.folder === folder).length);
  }
  for (const feedId of FEEDS) {
    // A feed's own river shows its folded copies.
    const own = newestFirst(all.filter((p) => p.feedId === feedId && p.hiddenBy === undefined));
    expect(await pageAll(db, { filter: 'all', feedId })).toEqual(ids(own));
    expect(await pageAll(db, { filter: 'unread', feedId })).toEqual(ids(own.filter((p) => p.read === 0)));
  }
}

/** Changes a reader and a refresh make: rivers must follow them whichever indexes exist. */
async function changeSome(db: Db): Promise<void> {
  await setStarred(db, ['f1', 'p1'], true);
  await setRead(db, [['f0', 'p0']], true);
  await commitPoll(db, 'f0', (f) => f, [{ id: 'new', title: 'New post', published: 5_000, enclosures: [], categories: [] }], 5_000);
}

afterEach(() => uninstallGetAllRecords());

describe('v7: the v5 rivers indexes', () => {
  it.each(['getAllRecords', 'cursor'])('a v6 database whose backfill is done loses them; its rivers and counts stay right (%s)', async (how) => {
    if (how === 'getAllRecords') installGetAllRecords();
    const name = `v7-done-${how}-${Math.random()}`;
    await v6Database(name, { done: true });
    const db = await openOrreryDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(postIndexes(db)).not.toEqual(expect.arrayContaining(['bySort']));
    for (const index of LEGACY_RIVER_INDEXES) expect(postIndexes(db)).not.toContain(index);
    expect(postIndexes(db)).toEqual(expect.arrayContaining(['byRiver', 'byFeed', 'byHidden', 'byDupKey', 'byFolded', 'bySyncItem']));
    await expectRivers(db);
    await changeSome(db);
    await expectRivers(db);
    db.close();
  });

  it('a v6 database whose backfill is under way keeps them and reads them until it is done; rivers right before and after', async () => {
    const name = `v7-filling-${Math.random()}`;
    await v6Database(name, { done: false, after: ['f0', 'p150'] });
    const db = await openOrreryDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(postIndexes(db)).toEqual(expect.arrayContaining([...LEGACY_RIVER_INDEXES]));
    expect(await riverIndexReady(db)).toBe(false);
    await expectRivers(db);
    await changeSome(db);
    await expectRivers(db);
    // A river begun on a v5 index while the backfill ends goes on over byRiver, at the same place.
    const first = await queryPosts(db, { filter: 'all', limit: 25 });
    expect(first.next?.legacy).toBe(true);
    expect(await runRiverBackfill(db)).toBe(true);
    await expectRivers(db);
    const second = await queryPosts(db, { filter: 'all', limit: 25, after: first.next! });
    expect(second.next?.legacy).toBeUndefined();
    const river = ids(newestFirst((await db.getAll('posts')).filter((p) => p.hiddenBy === undefined && p.dupOf === undefined)));
    const at = river.indexOf(ids(first.posts).at(-1)!);
    expect(ids(second.posts)).toEqual(river.slice(at + 1, at + 26));
    db.close();
  });

  it('a river paged on a v5 index before the upgrade goes on over byRiver once the index is gone', async () => {
    installGetAllRecords();
    const name = `v7-cursor-${Math.random()}`;
    await v6Database(name, { done: true });
    const db = await openOrreryDb(name);
    const posts = await db.getAll('posts');
    const river = newestFirst(posts.filter((p) => p.hiddenBy === undefined && p.dupOf === undefined));
    // Cursors as pages read on the v5 indexes held them: the keys of bySort, byFolder and byStarred.
    const cases: [Omit<PostQuery, 'limit' | 'after'>, StoredPost[], (p: StoredPost) => IDBValidKey][] = [
      [{ filter: 'all' }, river, (p) => p.sortKey],
      [{ filter: 'all', folder: 'Blogs' }, river.filter((p) => p.folder === 'Blogs'), (p) => [p.folder, p.sortKey]],
      [{ filter: 'starred' }, river.filter((p) => p.starred === 1), (p) => [1, p.sortKey]],
      [{ filter: 'starred', folder: '' }, river.filter((p) => p.folder === '' && p.starred === 1), (p) => [p.folder, p.sortKey]],
    ];
    for (const [q, shown, keyOf] of cases) {
      const anchor = shown[3]!;
      const page = await queryPosts(db, { ...q, limit: 5, after: { key: keyOf(anchor), primaryKey: [anchor.feedId, anchor.id], legacy: true } });
      expect(ids(page.posts)).toEqual(ids(shown.slice(4, 9)));
    }
    db.close();
  });

  it('a new database never has them', async () => {
    const db = await freshDb();
    for (const index of LEGACY_RIVER_INDEXES) expect(postIndexes(db)).not.toContain(index);
    expect(await db.get('meta', RIVER_FILL_KEY)).toEqual({ done: true });
    db.close();
  });
});

import 'fake-indexeddb/auto';
import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedItem } from '../feed/types';
import { addFeeds } from './feeds';
import { markScopeRead } from './mark-scope-read';
import { commitPoll, setRead } from './posts';
import { queryPosts, readUnreadCounts } from './queries';
import { freshDb, installGetAllRecords, uninstallGetAllRecords } from './test-db';
import { openOrreryDb, type Db } from './open-db';
import { MIGRATIONS } from './schema';

const item = (id: string, published: number): ParsedItem => ({ id, title: `Post ${id}`, published, enclosures: [], categories: [] });

/** Four feeds, two with no folder and two in two folders, 30 unread posts each, interleaved in time (ties included). */
async function mixedDb(): Promise<{ db: Db; feeds: string[] }> {
  const db = await freshDb();
  const { added } = await addFeeds(
    db,
    [
      { url: 'http://a.example/feed.xml', title: 'A', folder: '', firstCheckAt: 0 },
      { url: 'http://b.example/feed.xml', title: 'B', folder: 'Blogs', firstCheckAt: 0 },
      { url: 'http://c.example/feed.xml', title: 'C', folder: '', firstCheckAt: 0 },
      { url: 'http://d.example/feed.xml', title: 'D', folder: 'News', firstCheckAt: 0 },
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

/** Ten folders of one feed each, 12 unread posts a feed, interleaved in time. */
async function foldersDb(): Promise<Db> {
  const db = await freshDb();
  const { added } = await addFeeds(
    db,
    Array.from({ length: 10 }, (_, f) => ({ url: `http://f${f}.example/feed.xml`, title: `F${f}`, folder: `Folder ${f}`, firstCheckAt: 0 })),
    0,
  );
  for (const [n, feed] of added.entries()) await commitPoll(db, feed.id, (f) => f, Array.from({ length: 12 }, (_, i) => item(`p${i}`, (i * 10 + n) * 100)), 1000);
  return db;
}

/** One request as fake-indexeddb saw it: asked for (a method of a store), or answered (a cursor's, once per step). */
interface Request {
  op: string;
  store: string;
  direction?: unknown;
}

/** Logs the requests made on object stores (and their cursors) until `stop`. */
function watchRequests(): { log: Request[]; stop: () => void } {
  const log: Request[] = [];
  const undo: (() => void)[] = [];
  const patch = (proto: Record<string, unknown>, op: string, storeOf: (self: never) => string) => {
    const orig = proto[op] as (...args: unknown[]) => IDBRequest;
    proto[op] = function (this: never, ...args: unknown[]) {
      const req = orig.apply(this, args);
      const store = storeOf(this);
      log.push({ op, store, direction: args[1] });
      req.addEventListener('success', () => log.push({ op: 'answer', store }));
      return req;
    };
    undo.push(() => {
      proto[op] = orig;
    });
  };
  // A cursor's request answers once per step (IDBCursor.continue itself must stay idb's to wrap).
  for (const op of ['get', 'getKey', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'count'])
    patch(IDBObjectStore.prototype as unknown as Record<string, unknown>, op, (s: IDBObjectStore) => s.name);
  return { log, stop: () => undo.forEach((f) => f()) };
}

/** A folder's range read (keysNewestFirst walks it newest first); a walk for the folders goes forward. */
const isRangeRead = (r: Request) => r.store === 'unreadByFolder' && r.op === 'openKeyCursor' && r.direction === 'prev';
const isFolderWalk = (r: Request) => r.store === 'unreadByFolder' && r.op === 'openKeyCursor' && r.direction !== 'prev';

afterEach(() => uninstallGetAllRecords());

describe('the overall unread ledger', () => {
  it('an unread post has two ledger entries, its feed\'s and its folder\'s, in a folder or not', async () => {
    const { db } = await mixedDb();
    // 120 unread posts, 60 of them in folders: no third entry for those (v7 wrote one, in `unread`).
    expect([...db.objectStoreNames]).not.toContain('unread');
    expect(await db.count('unreadByFeed')).toBe(120);
    expect(await db.count('unreadByFolder')).toBe(120);
    expect((await readUnreadCounts(db)).total).toBe(120);
    db.close();
  });

  it.each(['getAllRecords', 'cursor'])('pages the overall unread river over every folder and no folder, in river order (%s)', async (how) => {
    if (how === 'getAllRecords') installGetAllRecords();
    const { db, feeds } = await mixedDb();
    for (const limit of [1, 7, 40, 200]) expect(await unreadRiver(db, limit)).toEqual(await expected(db));
    // Read posts leave it, whichever folder they are in.
    await setRead(db, [[feeds[0]!, 'p3'], [feeds[1]!, 'p3'], [feeds[2]!, 'p29'], [feeds[3]!, 'p0']], true);
    expect(await unreadRiver(db, 7)).toEqual(await expected(db));
    expect(await unreadRiver(db, 7)).toHaveLength(116);
    // A folder whose posts are all read is skipped.
    await markScopeRead(db, { folder: 'Blogs' });
    expect(await unreadRiver(db, 7)).toEqual(await expected(db));
    expect(await unreadRiver(db, 7)).toHaveLength(87);
    db.close();
  });

  it('upgrades a v7 ledger (posts in folders had an overall entry too) to two entries per post, the river unchanged', async () => {
    const name = `v7-ledger-${Math.random()}`;
    const v7 = await openDB(name, 7, {
      upgrade(udb, oldVersion, _n, tx) {
        for (let i = oldVersion; i < 7; i++) MIGRATIONS[i]!(udb as never, tx as never, oldVersion);
      },
    });
    const posts = Array.from({ length: 40 }, (_, i) => ({ feedId: `f${i % 3}`, id: `p${i}`, sortKey: (i * 7) % 23, folder: ['', 'Blogs', 'News'][i % 3]!, read: i % 5 === 0 ? 1 : 0 }));
    const tx = (v7 as IDBPDatabase).transaction(['posts', 'unread', 'unreadByFeed', 'unreadByFolder', 'meta'], 'readwrite');
    const counts = { total: 0, posts: 0, feeds: {} as Record<string, number>, folders: {} as Record<string, number> };
    for (const p of posts) {
      void tx.objectStore('posts').put({ ...p, title: p.id, firstSeen: 0, enclosures: [], categories: [], starred: 0, updatedAt: 0, riverKeys: [['', p.sortKey]] });
      counts.posts++;
      if (p.read) continue;
      counts.total++;
      counts.feeds[p.feedId] = (counts.feeds[p.feedId] ?? 0) + 1;
      counts.folders[p.folder] = (counts.folders[p.folder] ?? 0) + 1;
      // As v7 wrote them: an overall entry for posts in a folder only.
      if (p.folder) void tx.objectStore('unread').put(1, [p.sortKey, p.feedId, p.id]);
      void tx.objectStore('unreadByFeed').put(1, [p.feedId, p.sortKey, p.id]);
      void tx.objectStore('unreadByFolder').put(1, [p.folder, p.sortKey, p.feedId, p.id]);
    }
    void tx.objectStore('meta').put(counts, 'counts');
    await tx.done;
    v7.close();
    const db = await openOrreryDb(name);
    expect([...db.objectStoreNames]).not.toContain('unread');
    expect(await db.count('unreadByFolder')).toBe(32);
    expect(await unreadRiver(db, 5)).toEqual(await expected(db));
    expect(await unreadRiver(db, 5)).toHaveLength(32);
    await markScopeRead(db, {});
    expect(await unreadRiver(db, 5)).toEqual([]);
    expect((await readUnreadCounts(db)).total).toBe(0);
    db.close();
  });

  it('marks everything read, every folder and no folder, and "above" a post in river order', async () => {
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
    expect(await db.count('unreadByFeed')).toBe(0);
    db.close();
  });

  it('asks for every folder\'s range at once, after one request (the counts record): no key cursor jumps from folder to folder', async () => {
    const db = await foldersDb();
    // Range reads walk cursors (getAllRecords, one request each, taken away).
    uninstallGetAllRecords();
    const watch = watchRequests();
    const page = await queryPosts(db, { filter: 'unread', limit: 40 });
    watch.stop();
    expect(page.posts.map((p) => `${p.feedId}/${p.id}`)).toEqual((await expected(db)).slice(0, 40));
    const log = watch.log;
    const lastRange = log.map(isRangeRead).lastIndexOf(true);
    expect(log.filter(isRangeRead)).toHaveLength(10);
    // Before the tenth folder's range was asked for, one answer came: the counts record's
    // (walking the folders took an answer per folder: 10).
    expect(log.slice(0, lastRange).filter((r) => r.op === 'answer')).toEqual([{ op: 'answer', store: 'meta' }]);
    expect(log.filter(isFolderWalk)).toHaveLength(0);
    db.close();
  });

  it('stays whole when the counts record names too few folders, too many, or none (an older version, a clamped count)', async () => {
    const { db, feeds } = await mixedDb();
    await markScopeRead(db, { feedId: feeds[2]! });
    const want = await expected(db);
    const counts = await readUnreadCounts(db);
    const setCounts = (folders: Record<string, number> | undefined) =>
      folders ? db.put('meta', { ...counts, folders } as never, 'counts') : db.delete('meta', 'counts');
    // Exact: the named folders' ranges only.
    let watch = watchRequests();
    expect(await unreadRiver(db, 7)).toEqual(want);
    watch.stop();
    expect(watch.log.filter(isFolderWalk)).toHaveLength(0);
    const cases: (Record<string, number> | undefined)[] = [
      { Blogs: 30 }, // '' (no folder) and News missing: found by walking the gaps around Blogs
      { '': 30, Blogs: 30 }, // the last folder missing
      { '': 30, Blogs: 30, Gone: 4, News: 30 }, // a folder with no unread posts left
      { '': 0, Blogs: 30, News: 30 }, // clamped to zero while posts remain
      {},
      undefined, // no counts record at all
    ];
    for (const folders of cases) {
      await setCounts(folders);
      watch = watchRequests();
      expect(await unreadRiver(db, 7)).toEqual(want);
      watch.stop();
      // A gap that holds keys is walked; one that holds none is not.
      expect(watch.log.some(isFolderWalk)).toBe(!('Gone' in (folders ?? {})));
    }
    db.close();
  });
});

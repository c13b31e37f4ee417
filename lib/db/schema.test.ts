import 'fake-indexeddb/auto';
import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { openOrreryDb } from './open-db';
import { countPosts } from './count-posts';
import { queryPosts, readUnreadCounts } from './queries';
import { runRiverBackfill } from './river-backfill';
import { DB_VERSION, LEGACY_RIVER_INDEXES, MIGRATIONS, type OrreryDB } from './schema';

/** Builds a database as version `v` of Orrery left it, with one feed and one post in it. */
async function databaseAt(name: string, v: number): Promise<void> {
  const db = await openDB<OrreryDB>(name, v, {
    upgrade(db, oldVersion, _n, tx) {
      for (let i = oldVersion; i < v; i++) MIGRATIONS[i]!(db as never, tx as never, oldVersion);
    },
  });
  await seed(db);
  db.close();
}

async function seed(db: IDBPDatabase<OrreryDB>): Promise<void> {
  // From v6 on, writes give shown posts their riverKeys: seed them as the app would have.
  const river = (sortKey: number, starred = false) => (db.version >= 6 ? { riverKeys: [['', sortKey], ['f:Blogs', sortKey], ...(starred ? [['s', sortKey]] : [])] as [string, number][] } : {});
  await db.put('feeds', {
    id: 'f1', url: 'http://a.example/feed.xml', title: 'A', folder: 'Blogs', state: 'active', addedAt: 1,
    nextCheckAt: 2, intervalMs: 0, scheduleReason: '', errorCount: 0, fetchCount: 0, notModifiedCount: 0, bytesReceived: 0,
  });
  await db.put('posts', {
    feedId: 'f1', id: 'p1', title: 'P', firstSeen: 1, sortKey: 1, enclosures: [], categories: [], read: 1, starred: 1, folder: 'Blogs', updatedAt: 1, ...river(1, true),
  });
  await db.put('posts', {
    feedId: 'f1', id: 'p2', title: 'Q', firstSeen: 2, sortKey: 2, enclosures: [], categories: [], read: 0, starred: 0, folder: 'Blogs', updatedAt: 2, ...river(2),
  });
  if (db.objectStoreNames.contains('unreadByFeed')) {
    // From v2 on, writes keep the ledger: seed it as the app would have (v2-v7 had an overall store too).
    if (db.objectStoreNames.contains('unread' as never)) await (db as unknown as IDBPDatabase).put('unread', 1, [2, 'f1', 'p2']);
    await db.put('unreadByFeed', 1, ['f1', 2, 'p2']);
    await db.put('unreadByFolder', 1, ['Blogs', 2, 'f1', 'p2']);
    await db.put('meta', { total: 1, posts: 2, feeds: { f1: 1 }, folders: { Blogs: 1 } }, 'counts');
  }
}

describe('migrations', () => {
  it('has one step per version', () => {
    expect(MIGRATIONS).toHaveLength(DB_VERSION);
  });

  for (let from = 1; from <= DB_VERSION; from++) {
    it(`upgrades a version ${from} database to ${DB_VERSION} and keeps its data`, async () => {
      const name = `migrate-${from}-${Math.random()}`;
      await databaseAt(name, from);
      const db = await openOrreryDb(name);
      expect(db.version).toBe(DB_VERSION);
      expect(db.objectStoreNames.contains('articles')).toBe(true);
      expect(await db.get('feeds', 'f1')).toMatchObject({ url: 'http://a.example/feed.xml' });
      expect(await db.get('posts', ['f1', 'p1'])).toMatchObject({ read: 1, starred: 1 });
      expect(await countPosts(db, { filter: 'starred' })).toBe(1);
      expect(await readUnreadCounts(db)).toEqual({ total: 1, posts: 2, feeds: { f1: 1 }, folders: { Blogs: 1 } });
      expect((await queryPosts(db, { filter: 'unread', limit: 10 })).posts.map((p) => p.id)).toEqual(['p2']);
      expect(db.objectStoreNames.contains('syncQueue')).toBe(true);
      expect(db.transaction('posts').store.indexNames.contains('bySyncItem')).toBe(true);
      // v5: the sparse indexes of rules and folded duplicates, empty until posts carry their fields.
      expect([...db.transaction('posts').store.indexNames]).toEqual(expect.arrayContaining(['byHidden', 'byDupKey']));
      expect(await db.countFromIndex('posts', 'byHidden')).toBe(0);
      // v6: the river's index of the shown posts, whole once the worker's backfill has run;
      // the rivers are the same before (read from the v5 indexes) and after.
      expect(db.transaction('posts').store.indexNames.contains('byRiver')).toBe(true);
      // v7: the v5 rivers' indexes are gone where the backfill was done at the upgrade (a
      // version 6 database built here was new at v6), kept where it was left to do.
      const legacy = LEGACY_RIVER_INDEXES.filter((n) => db.transaction('posts').store.indexNames.contains(n));
      expect(legacy).toEqual(from >= 6 ? [] : [...LEGACY_RIVER_INDEXES]);
      for (const filled of [false, true]) {
        if (filled) expect(await runRiverBackfill(db)).toBe(true);
        expect((await queryPosts(db, { filter: 'all', limit: 10 })).posts.map((p) => p.id)).toEqual(['p2', 'p1']);
        expect((await queryPosts(db, { filter: 'all', folder: 'Blogs', limit: 10 })).posts.map((p) => p.id)).toEqual(['p2', 'p1']);
        expect((await queryPosts(db, { filter: 'starred', limit: 10 })).posts.map((p) => p.id)).toEqual(['p1']);
        expect(await countPosts(db, { filter: 'all', folder: 'Blogs' })).toBe(2);
      }
      db.close();
    });
  }
});

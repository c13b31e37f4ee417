/** The IndexedDB schema of Orrery and its versioned migrations. */
import { unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { RIVER_FILL_KEY, type RiverFill } from './river-keys';
import type { RefreshRun, StoredArticle, StoredFeed, StoredPost, SyncQueueEntry, UnreadCounts } from './types';

/** Name of the database. */
export const DB_NAME = 'orrery';
/** Current schema version; bump it and add a step to MIGRATIONS. */
export const DB_VERSION = 8;

/** Typed schema for idb. */
export interface OrreryDB extends DBSchema {
  feeds: {
    key: string;
    value: StoredFeed;
    indexes: { url: string; nextCheckAt: number };
  };
  posts: {
    key: [string, string];
    value: StoredPost;
    indexes: {
      /**
       * Every river but a feed's own, by [scope, sortKey] (lib/db/river-keys.ts): multiEntry
       * and sparse, only posts the river shows (not hidden by a rule, not a folded copy), so
       * a page is one bounded read whatever the river leaves out.
       */
      byRiver: [string, number];
      /** Newest of one feed, every post (a feed's own river shows its folded copies). */
      byFeed: [string, number];
      // The v5 rivers' indexes (every post, filtered after reading), read only until the v6
      // backfill is done. v7 drops them when it finds the backfill done (every new database);
      // a database whose backfill was under way keeps them until a later upgrade drops them
      // (dropLegacyRiverIndexes), and reads byRiver once the backfill ends.
      /** Newest overall, every post. */
      bySort: number;
      /** Newest of one folder, every post. */
      byFolder: [string, number];
      /** Starred newest, every post. */
      byStarred: [number, number];
      /** Posts that came from (or were matched to) a sync service, by the service's item id. */
      bySyncItem: string;
      /** Posts a mute rule hid, newest of each rule last: sparse (only hidden posts have hiddenBy). */
      byHidden: [string, number];
      /** Keys that find a post's copies in other feeds (lib/dedupe): multiEntry, sparse. */
      byDupKey: string;
      /** Folded copies (lib/dedupe), by the post shown for them: sparse. */
      byFolded: [string, string];
    };
  };
  /**
   * The unread ledger: one entry per unread post in each store, keyed in page order (the
   * overall river merges the folders' ranges of unreadByFolder: lib/db/unread-overall.ts; v2-v7
   * kept a third store, `unread`, deleted by v8). Separate stores,
   * not indexes on a read flag: Chromium leaves stale index entries behind when a record
   * changes and counts by walking, so a read-flag index becomes slow as posts are read
   * (measured: 1.1 s for a page, 5.8 s for a count at 100,000 posts; see README).
   */
  unreadByFeed: { key: [string, number, string]; value: 1 };
  unreadByFolder: { key: [string, number, string, string]; value: 1 };
  /** Local changes waiting to reach the sync service (read, starred, subscription edits). */
  syncQueue: { key: string; value: SyncQueueEntry };
  /** Full articles extracted from posts' pages, keyed like their posts (kept apart so river pages stay small). */
  articles: { key: [string, string]; value: StoredArticle };
  meta: {
    key: string;
    value: RefreshRun | UnreadCounts | Record<string, unknown>;
  };
}

/** Migrations see the database as it was at their version, so they use untyped handles. */
type OldDb = IDBPDatabase<unknown>;
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/** Migration steps: MIGRATIONS[n] upgrades a database from version n to n + 1 (`from`: the version the upgrade started at). */
export const MIGRATIONS: ((db: OldDb, tx: UpgradeTx, from: number) => void)[] = [
  (db) => {
    const feeds = db.createObjectStore('feeds', { keyPath: 'id' });
    feeds.createIndex('url', 'url', { unique: true });
    feeds.createIndex('nextCheckAt', 'nextCheckAt');
    const posts = db.createObjectStore('posts', { keyPath: ['feedId', 'id'] });
    posts.createIndex('bySort', 'sortKey');
    posts.createIndex('byFeed', ['feedId', 'sortKey']);
    posts.createIndex('byRead', ['read', 'sortKey']);
    posts.createIndex('byFeedRead', ['feedId', 'read', 'sortKey']);
    posts.createIndex('byFolderRead', ['folder', 'read', 'sortKey']);
    posts.createIndex('byFolder', ['folder', 'sortKey']);
    posts.createIndex('byStarred', ['starred', 'sortKey']);
    db.createObjectStore('meta');
  },
  // v2: read state leaves the indexes for the unread ledger and maintained counts.
  (db, tx) => {
    const posts = tx.objectStore('posts');
    for (const name of ['byRead', 'byFeedRead', 'byFolderRead'] as const) {
      if (posts.indexNames.contains(name)) posts.deleteIndex(name);
    }
    db.createObjectStore('unread');
    db.createObjectStore('unreadByFeed');
    db.createObjectStore('unreadByFolder');
    // Filled from the posts by rebuildLedger() when the database is next opened.
    void tx.objectStore('meta').put({ needsRebuild: true }, 'counts');
  },
  // v3: sync with a Google Reader API service. Self-contained and idempotent (it checks what
  // exists), so it composes with another engineer's step whichever lands first.
  (db, tx) => {
    if (!db.objectStoreNames.contains('syncQueue')) db.createObjectStore('syncQueue', { keyPath: 'key' });
    const posts = tx.objectStore('posts');
    // Sparse: only posts with a syncItemId are in it.
    if (!posts.indexNames.contains('bySyncItem')) posts.createIndex('bySyncItem', 'syncItemId');
  },
  // v4: full articles (lib/fulltext), one record per post that has one; nothing else changes.
  (db) => {
    if (!db.objectStoreNames.contains('articles')) db.createObjectStore('articles', { keyPath: ['feedId', 'id'] });
  },
  // v5: rules and folded duplicates. Both indexes are sparse: a post enters them only when a
  // rule hid it (hiddenBy), once its duplicate keys were computed at ingest (dupKeys), or when
  // it is a folded copy (dupOf), so nothing is rewritten here; posts stored before v5 are not folded.
  (_db, tx) => {
    const posts = tx.objectStore('posts');
    if (!posts.indexNames.contains('byHidden')) posts.createIndex('byHidden', ['hiddenBy', 'sortKey']);
    if (!posts.indexNames.contains('byDupKey')) posts.createIndex('byDupKey', 'dupKeys', { multiEntry: true });
    if (!posts.indexNames.contains('byFolded')) posts.createIndex('byFolded', 'dupOf');
  },
  // v6: one sparse index of the posts the river shows (riverKeys, set by lib/db/post-writes.ts),
  // whose pages are one bounded read: the v5 indexes were filtered after reading, so a river
  // whose newest thousands of posts a rule hid read past all of them. No post is rewritten
  // here (that took 32 s at 20,000 posts, pages and worker blocked, and started over whenever
  // the worker was stopped mid-upgrade): the worker fills the keys afterwards in short batches
  // (lib/db/river-backfill.ts), and the rivers read the v5 indexes, kept, until it is done.
  // Creating the index still reads every post once (it holds none of them yet).
  (_db, tx, from) => {
    const posts = tx.objectStore('posts');
    if (!posts.indexNames.contains('byRiver')) posts.createIndex('byRiver', 'riverKeys', { multiEntry: true });
    // A new database has no post to fill.
    const fill: RiverFill = { done: from === 0 };
    void tx.objectStore('meta').put(fill, RIVER_FILL_KEY);
  },
  // v7: the v5 rivers' indexes go (three index entries fewer per post written, and no rewrite:
  // deleting an index reads no post) where nothing reads them any more, that is once the v6
  // backfill is done. A database whose backfill is under way keeps them, and its rivers keep
  // reading them until it ends, then read byRiver (lib/db/queries.ts); the next version's
  // upgrade drops them (it calls dropLegacyRiverIndexes again).
  (_db, tx, from) => dropLegacyRiverIndexes(tx, from === 0),
  // v8: the overall unread store goes. Every entry it held has its twin in unreadByFolder
  // ([folder, sortKey, feedId, id] for [sortKey, feedId, id]), which the overall river now
  // reads folder by folder (lib/db/unread-overall.ts): an unread post is two ledger entries,
  // not three (a post in a folder wrote three until v7). Deleting a store reads no post.
  (db, tx, from) => {
    dropLegacyRiverIndexes(tx, from === 0);
    if (db.objectStoreNames.contains('unread')) db.deleteObjectStore('unread');
  },
];

/** The v5 rivers' indexes of the posts store, kept only until the v6 backfill is done. */
export const LEGACY_RIVER_INDEXES = ['bySort', 'byFolder', 'byStarred'] as const;

/**
 * Deletes LEGACY_RIVER_INDEXES if the v6 backfill is done (`fresh`: a new database, which has
 * nothing to fill), inside an upgrade; idempotent, so any later step may call it again.
 * The backfill's record is read with a raw request: its success handler runs while the
 * upgrade transaction is active, whatever runs promise callbacks.
 */
export function dropLegacyRiverIndexes(tx: UpgradeTx, fresh: boolean): void {
  const posts = unwrap(tx.objectStore('posts')) as unknown as IDBObjectStore;
  const drop = () => {
    for (const name of LEGACY_RIVER_INDEXES) if (posts.indexNames.contains(name)) posts.deleteIndex(name);
  };
  if (fresh) {
    drop();
    return;
  }
  const meta = unwrap(tx.objectStore('meta')) as unknown as IDBObjectStore;
  const req = meta.get(RIVER_FILL_KEY);
  req.onsuccess = () => {
    if ((req.result as RiverFill | undefined)?.done === true) drop();
  };
}

/** Runs every migration from oldVersion up to DB_VERSION. */
export function upgrade(
  db: IDBPDatabase<OrreryDB>,
  oldVersion: number,
  tx: IDBPTransaction<OrreryDB, StoreNames<OrreryDB>[], 'versionchange'>,
): void {
  for (let v = oldVersion; v < DB_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`db: no migration from version ${v}`);
    step(db as unknown as OldDb, tx as unknown as UpgradeTx, oldVersion);
  }
}

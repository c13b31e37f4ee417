/** The IndexedDB schema of Orrery and its versioned migrations. */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { RefreshRun, StoredFeed, StoredPost } from './types';

/** Name of the database. */
export const DB_NAME = 'orrery';
/** Current schema version; bump it and add a step to MIGRATIONS. */
export const DB_VERSION = 1;

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
      /** Newest overall. */
      bySort: number;
      /** Newest of one feed. */
      byFeed: [string, number];
      /** Unread (read=0) newest, and the unread total as one count. */
      byRead: [number, number];
      /** Per-feed unread counts. */
      byFeedRead: [string, number, number];
      /** Per-folder unread counts and unread pages. */
      byFolderRead: [string, number, number];
      /** Newest of one folder. */
      byFolder: [string, number];
      /** Starred newest. */
      byStarred: [number, number];
    };
  };
  meta: {
    key: string;
    value: RefreshRun | Record<string, unknown>;
  };
}

type UpgradeTx = IDBPTransaction<OrreryDB, StoreNames<OrreryDB>[], 'versionchange'>;

/** Migration steps: MIGRATIONS[n] upgrades a database from version n to n + 1. */
export const MIGRATIONS: ((db: IDBPDatabase<OrreryDB>, tx: UpgradeTx) => void)[] = [
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
];

/** Runs every migration from oldVersion up to DB_VERSION. */
export function upgrade(db: IDBPDatabase<OrreryDB>, oldVersion: number, tx: UpgradeTx): void {
  for (let v = oldVersion; v < DB_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`db: no migration from version ${v}`);
    step(db, tx);
  }
}

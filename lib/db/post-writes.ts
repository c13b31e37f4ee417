/**
 * The only code that writes posts. Every write keeps the unread ledger (unread,
 * unreadByFeed, unreadByFolder stores) and the maintained unread counts in step with the
 * posts, inside the caller's transaction, and sets the post's riverKeys (its keys in the
 * river's sparse index, lib/db/river-keys.ts) from what it is now.
 * test/unit/conventions.test.ts checks that no other file writes the posts store.
 *
 * Writes are raw IndexedDB requests with no promise each: storing a new unread post takes
 * three requests (the post and its two ledger entries, its feed's and its folder's; the overall
 * river reads the folders' entries: lib/db/unread-overall.ts), and idb's promise per request (two
 * listeners added and removed, a wrapped result) was ~5% of the worker's CPU at ingest (see
 * README). Nothing needs their results: requests run in order within the transaction, so
 * later reads see them, and a refused one aborts the transaction, whose `done` every caller
 * awaits (commit-batch turns that into the transaction's cause).
 */
import { unwrap, type IDBPTransaction, type StoreNames } from 'idb';
import type { Db } from './open-db';
import { markRiver, RIVER_FILL_KEY, type RiverFill } from './river-keys';
import type { OrreryDB } from './schema';
import type { StoredPost, UnreadCounts } from './types';

/** The stores a transaction that writes posts must include. */
export const POST_STORES = ['posts', 'unreadByFeed', 'unreadByFolder', 'meta', 'articles'] as const;

/** A readwrite transaction over (at least) POST_STORES. */
export type PostTx = IDBPTransaction<OrreryDB, ArrayLike<StoreNames<OrreryDB>>, 'readwrite'>;

/** Writes posts and keeps the ledger; call save() before the transaction ends. */
export interface PostWriter {
  /**
   * Stores `next`, replacing `old` (the stored copy, or undefined for a new post). The requests
   * are queued when this returns; a refused one fails the transaction, not this promise.
   */
  put(old: StoredPost | undefined, next: StoredPost): Promise<void>;
  /** Deletes a stored post (queued as put is). */
  remove(old: StoredPost): Promise<void>;
  /** Writes the counts if they changed. */
  save(): Promise<void>;
  /** The counts as they stand in this transaction. */
  counts(): UnreadCounts;
}

const COUNTS_KEY = 'counts';

/** An empty set of counts. */
export function emptyCounts(): UnreadCounts {
  return { total: 0, feeds: {}, folders: {} };
}

function isCounts(v: unknown): v is UnreadCounts {
  return typeof v === 'object' && v !== null && typeof (v as UnreadCounts).total === 'number' && typeof (v as UnreadCounts).feeds === 'object';
}

/** Reads the maintained counts inside a transaction. */
export async function readCounts(tx: PostTx): Promise<UnreadCounts> {
  const v = await tx.objectStore('meta').get(COUNTS_KEY);
  return isCounts(v) ? v : emptyCounts();
}

function bump(counts: UnreadCounts, post: StoredPost, by: 1 | -1): void {
  counts.total = Math.max(0, counts.total + by);
  counts.feeds[post.feedId] = Math.max(0, (counts.feeds[post.feedId] ?? 0) + by);
  counts.folders[post.folder] = Math.max(0, (counts.folders[post.folder] ?? 0) + by);
  if (counts.feeds[post.feedId] === 0) delete counts.feeds[post.feedId];
  if (counts.folders[post.folder] === 0) delete counts.folders[post.folder];
}

/** The ledger keys of an unread post, one per ledger store. */
export function ledgerKeys(p: StoredPost): {
  unreadByFeed: [string, number, string];
  unreadByFolder: [string, number, string, string];
} {
  return {
    unreadByFeed: [p.feedId, p.sortKey, p.id],
    unreadByFolder: [p.folder, p.sortKey, p.feedId, p.id],
  };
}

function sameLedgerEntry(a: StoredPost, b: StoredPost): boolean {
  return a.sortKey === b.sortKey && a.folder === b.folder && a.feedId === b.feedId && a.id === b.id;
}

/** Starts writing posts in `tx` (which must include POST_STORES). */
export async function postWriter(tx: PostTx): Promise<PostWriter> {
  const counts = await readCounts(tx);
  let dirty = false;
  // Raw stores, fetched once: see the file's comment.
  const raw = (name: (typeof POST_STORES)[number]) => unwrap(tx.objectStore(name)) as unknown as IDBObjectStore;
  const posts = raw('posts');
  const unreadByFeed = raw('unreadByFeed');
  const unreadByFolder = raw('unreadByFolder');
  const articles = raw('articles');
  const addEntry = (p: StoredPost): void => {
    const k = ledgerKeys(p);
    bump(counts, p, 1);
    dirty = true;
    unreadByFeed.put(1, k.unreadByFeed);
    unreadByFolder.put(1, k.unreadByFolder);
  };
  const dropEntry = (p: StoredPost): void => {
    const k = ledgerKeys(p);
    bump(counts, p, -1);
    dirty = true;
    unreadByFeed.delete(k.unreadByFeed);
    unreadByFolder.delete(k.unreadByFolder);
  };
  return {
    // Async: a request refused at once (a key IndexedDB cannot take) rejects, as before.
    async put(old, next) {
      markRiver(next);
      posts.put(next);
      if (!old) {
        counts.posts = (counts.posts ?? 0) + 1;
        dirty = true;
      }
      const wasUnread = old?.read === 0;
      const isUnread = next.read === 0;
      if (wasUnread && old && (!isUnread || !sameLedgerEntry(old, next))) dropEntry(old);
      if (isUnread && (!wasUnread || !old || !sameLedgerEntry(old, next))) addEntry(next);
    },
    async remove(old) {
      // A removed post takes its full article with it (retention, unsubscribing).
      posts.delete([old.feedId, old.id]);
      articles.delete([old.feedId, old.id]);
      counts.posts = Math.max(0, (counts.posts ?? 0) - 1);
      dirty = true;
      if (old.read === 0) dropEntry(old);
    },
    async save() {
      if (dirty) await tx.objectStore('meta').put(counts, COUNTS_KEY);
      dirty = false;
    },
    counts: () => counts,
  };
}

/**
 * Rebuilds the ledger and the counts from the posts themselves (after the v2 migration,
 * or to repair). One transaction; linear in the number of posts.
 */
export async function rebuildLedger(tx: PostTx): Promise<UnreadCounts> {
  await Promise.all([tx.objectStore('unreadByFeed').clear(), tx.objectStore('unreadByFolder').clear()]);
  const counts = emptyCounts();
  const writes: Promise<unknown>[] = [];
  for (let c = await tx.objectStore('posts').openCursor(); c; c = await c.continue()) {
    const p = c.value;
    counts.posts = (counts.posts ?? 0) + 1;
    if (p.read !== 0) continue;
    const k = ledgerKeys(p);
    bump(counts, p, 1);
    writes.push(tx.objectStore('unreadByFeed').put(1, k.unreadByFeed), tx.objectStore('unreadByFolder').put(1, k.unreadByFolder));
  }
  await Promise.all(writes);
  await tx.objectStore('meta').put(counts, COUNTS_KEY);
  return counts;
}

/**
 * One batch of the v6 backfill: gives the next `size` posts after the saved position their
 * riverKeys (lib/db/river-keys.ts) and saves the new position, or `done` when no post is
 * left, in one short transaction over posts and meta only (the ledger is untouched: a
 * post's read state does not change). Resolves with where the backfill now stands.
 */
export async function fillRiverKeysBatch(db: Db, size: number): Promise<RiverFill> {
  const tx = db.transaction(['posts', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  const at = ((await meta.get(RIVER_FILL_KEY)) as RiverFill | undefined) ?? { done: false };
  if (at.done) {
    await tx.done;
    return at;
  }
  const posts = tx.objectStore('posts');
  const batch = await posts.getAll(at.after ? IDBKeyRange.lowerBound(at.after, true) : undefined, size);
  // Puts queued without waiting (requests run in order): a round trip per post would double the batch.
  for (const p of batch) if (markRiver(p)) void posts.put(p);
  const last = batch[batch.length - 1];
  const next: RiverFill = batch.length < size || !last ? { done: true } : { done: false, after: [last.feedId, last.id] };
  void meta.put(next, RIVER_FILL_KEY);
  await tx.done;
  return next;
}

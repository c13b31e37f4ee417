/** Subscriptions: adding, listing, updating and removing feeds. */
import type { Db } from './open-db';
import { POST_STORES, postWriter } from './post-writes';
import { foldAtIngest } from '../dedupe/fold-at-ingest';
import { unfoldRemoved } from '../dedupe/unfold-removed';
import type { StoredFeed, StoredPost } from './types';

/** What a new subscription needs; everything else gets defaults. */
export interface NewFeed {
  url: string;
  title?: string;
  siteUrl?: string;
  folder?: string;
  /** When the first poll is due (staggered on import). */
  firstCheckAt: number;
}

/** A fresh feed record with empty history. */
export function makeFeed(input: NewFeed, now: number, id: string = newFeedId()): StoredFeed {
  return {
    id,
    url: input.url,
    title: input.title?.trim() || hostOf(input.url),
    ...(input.siteUrl ? { siteUrl: input.siteUrl } : {}),
    folder: input.folder ?? '',
    state: 'active',
    addedAt: now,
    nextCheckAt: input.firstCheckAt,
    intervalMs: 0,
    scheduleReason: 'new subscription',
    errorCount: 0,
    fetchCount: 0,
    notModifiedCount: 0,
    bytesReceived: 0,
  };
}

/** A random, URL-independent id (URLs change on 301). */
export function newFeedId(): string {
  return crypto.randomUUID();
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Adds feeds whose URL is not subscribed yet, in one transaction; returns the added and skipped.
 * `onProgress` hears how far it got every few feeds (an import's progress bar).
 */
export async function addFeeds(
  db: Db,
  inputs: NewFeed[],
  now: number,
  onProgress?: (done: number, total: number) => void,
): Promise<{ added: StoredFeed[]; skipped: NewFeed[] }> {
  const tx = db.transaction('feeds', 'readwrite');
  const byUrl = tx.store.index('url');
  const added: StoredFeed[] = [];
  const skipped: NewFeed[] = [];
  const seen = new Set<string>();
  for (const [i, input] of inputs.entries()) {
    if (onProgress && i % 25 === 0) onProgress(i, inputs.length);
    if (seen.has(input.url) || (await byUrl.getKey(input.url)) !== undefined) {
      skipped.push(input);
      continue;
    }
    seen.add(input.url);
    const feed = makeFeed(input, now);
    await tx.store.add(feed);
    added.push(feed);
  }
  await tx.done;
  onProgress?.(inputs.length, inputs.length);
  return { added, skipped };
}

// One collator per order, made once: localeCompare with options builds a collator on every
// call (V8), and sorting 545 feeds that way took 2.7 s of the popup's CPU during a refresh.
const folderOrder = new Intl.Collator(undefined);
const titleOrder = new Intl.Collator(undefined, { sensitivity: 'base' });

/** The order subscriptions are listed in: by folder, then title. */
export function compareFeeds(a: StoredFeed, b: StoredFeed): number {
  return folderOrder.compare(a.folder, b.folder) || titleOrder.compare(a.title, b.title);
}

/** Every subscription, sorted by folder then title. */
export async function listFeeds(db: Db): Promise<StoredFeed[]> {
  return (await db.getAll('feeds')).sort(compareFeeds);
}

/** The records of some feeds, in one transaction (undefined for a feed that is gone). */
export async function readFeedsById(db: Db, ids: readonly string[]): Promise<Map<string, StoredFeed | undefined>> {
  const tx = db.transaction('feeds');
  const got = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return new Map(ids.map((id, i) => [id, got[i]]));
}

/** One feed by id. */
export function getFeed(db: Db, id: string): Promise<StoredFeed | undefined> {
  return db.get('feeds', id);
}

/** One feed by URL. */
export function getFeedByUrl(db: Db, url: string): Promise<StoredFeed | undefined> {
  return db.getFromIndex('feeds', 'url', url);
}

/** Active feeds whose next check is due at `now`, soonest first. */
export async function dueFeeds(db: Db, now: number): Promise<StoredFeed[]> {
  const feeds = await db.getAllFromIndex('feeds', 'nextCheckAt', IDBKeyRange.upperBound(now));
  // A synced feed's posts come from the sync service: Orrery does not poll it.
  return feeds.filter((f) => f.state === 'active' && !f.syncId);
}

/**
 * When the next active feed is due (the first key of the due-time index that is an active
 * feed's), or undefined when none will be: what the background's wake alarm is set to.
 */
export async function nextDueAt(db: Db): Promise<number | undefined> {
  // Gone feeds are due at Infinity, the index's end: the walk stops at the first active feed.
  let cursor = await db.transaction('feeds').store.index('nextCheckAt').openCursor();
  while (cursor && (cursor.value.state !== 'active' || cursor.value.syncId)) cursor = await cursor.continue();
  return cursor?.value.nextCheckAt;
}

/** How many feeds are due at `now` (one index count). */
export function countDue(db: Db, now: number): Promise<number> {
  return db.countFromIndex('feeds', 'nextCheckAt', IDBKeyRange.upperBound(now));
}

/** Makes every active feed due now (a "refresh now"), except those a server asked to wait; returns how many. */
export async function makeAllDue(db: Db, now: number): Promise<number> {
  const tx = db.transaction('feeds', 'readwrite');
  let n = 0;
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.state !== 'active' || cursor.value.syncId) continue;
    if ((cursor.value.retryAfterUntil ?? 0) > now) continue;
    n++;
    // Feeds already due are stamped too: a poll in flight then sees that the reader asked again
    // after it was picked, and its answer keeps the feed due (lib/poll/poll-feed.ts).
    if (cursor.value.nextCheckAt !== now) await cursor.update({ ...cursor.value, nextCheckAt: now });
  }
  await tx.done;
  return n;
}

/** Removes a feed and its posts in one transaction; returns the feed. */
export async function removeFeed(db: Db, id: string): Promise<StoredFeed | undefined> {
  return (await removeFeedForUndo(db, id))?.feed;
}

/** What the user may change about a subscription. */
export interface FeedChanges {
  title?: string;
  folder?: string;
  /** Minutes between checks, at least 15; null returns to the adaptive schedule. */
  overrideMinutes?: number | null;
  notify?: boolean;
}

/** The shortest interval a user may ask for: more often is impolite to publishers. */
export const MIN_OVERRIDE_MINUTES = 15;

/**
 * Applies the user's changes to a feed. Moving it to another folder rewrites its posts'
 * denormalized folder in the same transaction, so per-folder counts never disagree with it.
 */
export async function updateFeed(db: Db, id: string, changes: FeedChanges, now: number): Promise<StoredFeed | undefined> {
  const tx = db.transaction(['feeds', ...POST_STORES], 'readwrite');
  const feeds = tx.objectStore('feeds');
  const current = await feeds.get(id);
  if (!current) {
    await tx.done;
    return undefined;
  }
  const writer = await postWriter(tx);
  const next: StoredFeed = { ...current };
  const title = changes.title?.replace(/\s+/g, ' ').trim();
  if (title) next.title = title;
  if (changes.notify !== undefined) {
    if (changes.notify && !current.notify) next.notifyFrom = now;
    if (changes.notify) next.notify = true;
    else {
      delete next.notify;
      delete next.notifyFrom;
    }
  }
  if (changes.overrideMinutes !== undefined) {
    if (changes.overrideMinutes === null) delete next.overrideMinutes;
    else {
      const minutes = Math.max(MIN_OVERRIDE_MINUTES, Math.round(changes.overrideMinutes));
      next.overrideMinutes = minutes;
      // A shorter interval takes effect now, not after the long wait already scheduled.
      if (current.state === 'active') {
        const due = (current.lastFetchAt ?? now) + minutes * 60_000;
        if (due < next.nextCheckAt) next.nextCheckAt = Math.max(now, due);
      }
    }
  }
  const folder = changes.folder?.split('/').map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' / ');
  if (folder !== undefined && folder !== current.folder) {
    next.folder = folder;
    const range = IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
    const posts = await tx.objectStore('posts').index('byFeed').getAll(range);
    await Promise.all(posts.map((p) => writer.put(p, { ...p, folder })));
  }
  await feeds.put(next);
  await writer.save();
  await tx.done;
  return next;
}

/** A removed feed with its posts, as removeFeedForUndo hands them back. */
export interface RemovedFeedRecord {
  feed: StoredFeed;
  posts: StoredPost[];
}

/** Removes a feed and its posts in one transaction, returning both so the removal can be undone. */
export async function removeFeedForUndo(db: Db, id: string): Promise<RemovedFeedRecord | undefined> {
  const tx = db.transaction(['feeds', ...POST_STORES], 'readwrite');
  const feed = await tx.objectStore('feeds').get(id);
  if (!feed) {
    await tx.done;
    return undefined;
  }
  const writer = await postWriter(tx);
  const range = IDBKeyRange.bound([id, ''], [id, '\uffff']);
  const posts = await tx.objectStore('posts').getAll(range);
  await tx.objectStore('feeds').delete(id);
  await Promise.all(posts.map((p) => writer.remove(p)));
  // Posts of this feed shown in other feeds' place hand it to a copy there (lib/dedupe).
  await unfoldRemoved(tx, writer, posts);
  await writer.save();
  await tx.done;
  return { feed, posts };
}

/**
 * Puts a removed feed and its posts back (undo), in one transaction. Refused (false) when its
 * URL was subscribed again in the meantime: the newer subscription wins.
 */
export async function restoreFeed(db: Db, removed: RemovedFeedRecord): Promise<boolean> {
  const tx = db.transaction(['feeds', ...POST_STORES], 'readwrite');
  const feeds = tx.objectStore('feeds');
  if ((await feeds.get(removed.feed.id)) || (await feeds.index('url').getKey(removed.feed.url)) !== undefined) {
    await tx.done;
    return false;
  }
  await feeds.add(removed.feed);
  const writer = await postWriter(tx);
  // A post keeps its folder only if the feed did: both come from the same record. Its copies
  // were shown in its place meanwhile: it comes back as a new post would, folded under them
  // when they are still there.
  const posts = removed.posts.map((p): StoredPost => {
    const { dupOf: _dupOf, alsoIn: _alsoIn, dupKeys: _dupKeys, ...plain } = p;
    return { ...plain, feedId: removed.feed.id, folder: removed.feed.folder };
  });
  await foldAtIngest(tx, writer, posts);
  await Promise.all(posts.map((p) => writer.put(undefined, p)));
  await writer.save();
  await tx.done;
  return true;
}

/** Changes the feeds with the given URLs in one transaction; returns how many changed. */
export async function patchFeedsByUrl(db: Db, urls: string[], patch: (feed: StoredFeed) => StoredFeed | undefined): Promise<number> {
  const tx = db.transaction('feeds', 'readwrite');
  const byUrl = tx.store.index('url');
  let n = 0;
  for (const url of new Set(urls)) {
    const feed = await byUrl.get(url);
    const next = feed ? patch(feed) : undefined;
    if (next) {
      n++;
      await tx.store.put(next);
    }
  }
  await tx.done;
  return n;
}

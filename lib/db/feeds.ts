/** Subscriptions: adding, listing, updating and removing feeds. */
import type { Db } from './open-db';
import type { StoredFeed } from './types';

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

/** Adds feeds whose URL is not subscribed yet, in one transaction; returns the added and skipped. */
export async function addFeeds(
  db: Db,
  inputs: NewFeed[],
  now: number,
): Promise<{ added: StoredFeed[]; skipped: NewFeed[] }> {
  const tx = db.transaction('feeds', 'readwrite');
  const byUrl = tx.store.index('url');
  const added: StoredFeed[] = [];
  const skipped: NewFeed[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
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
  return { added, skipped };
}

/** Every subscription, sorted by folder then title. */
export async function listFeeds(db: Db): Promise<StoredFeed[]> {
  const feeds = await db.getAll('feeds');
  return feeds.sort(
    (a, b) => a.folder.localeCompare(b.folder) || a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }),
  );
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
  return feeds.filter((f) => f.state === 'active');
}

/** Makes every active feed due now (a "refresh now"), except those a server asked to wait; returns how many. */
export async function makeAllDue(db: Db, now: number): Promise<number> {
  const tx = db.transaction('feeds', 'readwrite');
  let n = 0;
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.state !== 'active') continue;
    if ((cursor.value.retryAfterUntil ?? 0) > now) continue;
    n++;
    if (cursor.value.nextCheckAt > now) await cursor.update({ ...cursor.value, nextCheckAt: now });
  }
  await tx.done;
  return n;
}

/** Removes a feed and its posts in one transaction; returns what was removed (for undo). */
export async function removeFeed(db: Db, id: string): Promise<StoredFeed | undefined> {
  const tx = db.transaction(['feeds', 'posts'], 'readwrite');
  const feed = await tx.objectStore('feeds').get(id);
  if (feed) {
    await tx.objectStore('feeds').delete(id);
    const posts = tx.objectStore('posts');
    await posts.delete(IDBKeyRange.bound([id, ''], [id, '\uffff']));
  }
  await tx.done;
  return feed;
}

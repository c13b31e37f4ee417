/** Writing posts: one poll's result committed with its feed in a single transaction. */
import type { ParsedItem } from '../feed/types';
import type { Db } from './open-db';
import { POST_STORES, postWriter } from './post-writes';
import { isExpired, type Retention } from './retention';
import { markScopeRead } from './mark-scope-read';
import type { StoredFeed, StoredPost } from './types';

/** What a commit changed (undefined when the feed was unsubscribed meanwhile). */
export interface CommitResult {
  added: number;
  updated: number;
  /** Posts removed by retention. */
  removed: number;
}

/**
 * Stores the items of one fetch and the feed's new state atomically: a worker killed
 * mid-way leaves either all of it or none of it. An updated post changes in place and
 * keeps its read and starred state; a post without a date keeps its first-seen time.
 */
export async function commitPoll(
  db: Db,
  feedId: string,
  update: (current: StoredFeed) => StoredFeed,
  items: ParsedItem[],
  now: number,
  retention?: Retention,
): Promise<CommitResult | undefined> {
  if (items.length === 0) return commitFeedOnly(db, feedId, update);
  const tx = db.transaction(['feeds', ...POST_STORES], 'readwrite');
  // Re-read the feed inside the transaction: the user may have renamed, moved or
  // unsubscribed it while the request was in flight.
  const current = await tx.objectStore('feeds').get(feedId);
  if (!current) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return undefined;
  }
  const feed = update(current);
  const posts = tx.objectStore('posts');
  const writer = await postWriter(tx);
  // A feed may repeat an id (real feeds do): the first occurrence wins, as in the river.
  const seen = new Set<string>();
  items = items.filter((it) => !seen.has(it.id) && seen.add(it.id) !== undefined);
  // With retention, every stored post of the feed is needed anyway: one getAll serves both
  // the merge and the retention pass (a get per item and a cursor walk cost a round trip
  // per post). Without it, only the items' own posts are read.
  const stored: Map<string, StoredPost> = retention
    ? new Map((await posts.getAll(IDBKeyRange.bound([feed.id], [feed.id, []]))).map((p) => [p.id, p]))
    : new Map((await Promise.all(items.map((it) => posts.get([feed.id, it.id])))).flatMap((p) => (p ? [[p.id, p] as const] : [])));
  let added = 0;
  let updated = 0;
  const writes: Promise<unknown>[] = [];
  for (const item of items) {
    const old = stored.get(item.id);
    const next = toStoredPost(feed, item, old, now);
    if (!old) added++;
    else if (changed(old, next)) updated++;
    else continue;
    stored.set(item.id, next);
    writes.push(writer.put(old, next));
  }
  writes.push(tx.objectStore('feeds').put(feed));
  await Promise.all(writes);
  let removed = 0;
  if (retention) {
    const inFeed = new Set(items.map((i) => i.id));
    // Newest first, as the byFeed index orders them: by date, then by id, descending.
    const newestFirst = [...stored.values()].sort((a, b) => b.sortKey - a.sortKey || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    const expired = newestFirst.filter((p, rank) => isExpired(p, rank, inFeed.has(p.id), retention, now));
    removed = expired.length;
    await Promise.all(expired.map((p) => writer.remove(p)));
  }
  await writer.save();
  await tx.done;
  return { added, updated, removed };
}

/** A poll that brought no posts (304, an error) only updates its feed: a lighter transaction. */
async function commitFeedOnly(db: Db, feedId: string, update: (current: StoredFeed) => StoredFeed): Promise<CommitResult | undefined> {
  const tx = db.transaction('feeds', 'readwrite');
  const current = await tx.store.get(feedId);
  if (current) await tx.store.put(update(current));
  await tx.done;
  return current ? { added: 0, updated: 0, removed: 0 } : undefined;
}

/** The stored form of a parsed item, merged with the stored copy when there is one. */
export function toStoredPost(feed: StoredFeed, item: ParsedItem, old: StoredPost | undefined, now: number): StoredPost {
  const firstSeen = old?.firstSeen ?? now;
  const post: StoredPost = {
    feedId: feed.id,
    id: item.id,
    title: item.title,
    firstSeen,
    sortKey: item.published ?? item.updated ?? old?.sortKey ?? firstSeen,
    enclosures: item.enclosures,
    categories: item.categories,
    read: old?.read ?? 0,
    starred: old?.starred ?? 0,
    folder: feed.folder,
    updatedAt: now,
  };
  if (item.url !== undefined) post.url = item.url;
  if (item.author !== undefined) post.author = item.author;
  if (item.published !== undefined) post.published = item.published;
  if (item.updated !== undefined) post.updated = item.updated;
  if (item.summary !== undefined) post.summary = item.summary;
  if (item.contentHtml !== undefined) post.contentHtml = item.contentHtml;
  if (item.imageUrl !== undefined) post.imageUrl = item.imageUrl;
  return post;
}

function changed(a: StoredPost, b: StoredPost): boolean {
  return (
    a.title !== b.title ||
    a.url !== b.url ||
    a.contentHtml !== b.contentHtml ||
    a.summary !== b.summary ||
    a.updated !== b.updated ||
    a.published !== b.published ||
    a.author !== b.author ||
    a.folder !== b.folder ||
    JSON.stringify(a.enclosures) !== JSON.stringify(b.enclosures)
  );
}

/** Sets the read state of some posts; returns how many changed. */
export async function setRead(db: Db, keys: [string, string][], read: boolean): Promise<number> {
  const tx = db.transaction(POST_STORES, 'readwrite');
  const writer = await postWriter(tx);
  const flag: 0 | 1 = read ? 1 : 0;
  const posts = await Promise.all(keys.map((key) => tx.objectStore('posts').get(key)));
  const changing = posts.filter((p): p is StoredPost => p !== undefined && p.read !== flag);
  await Promise.all(changing.map((p) => writer.put(p, { ...p, read: flag })));
  await writer.save();
  await tx.done;
  return changing.length;
}

/** Sets the starred state of one post. */
export async function setStarred(db: Db, key: [string, string], starred: boolean): Promise<void> {
  const tx = db.transaction(POST_STORES, 'readwrite');
  const writer = await postWriter(tx);
  const post = await tx.objectStore('posts').get(key);
  if (post) await writer.put(post, { ...post, starred: starred ? 1 : 0 });
  await writer.save();
  await tx.done;
}

/** Marks every unread post (of one feed, or all) read; returns the keys changed, for undo. */
export async function markAllRead(db: Db, feedId?: string): Promise<[string, string][]> {
  return markScopeRead(db, feedId === undefined ? {} : { feedId });
}

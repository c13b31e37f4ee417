/** Writing the sync service's items as posts, matched to posts Orrery already had. */
import { applyRetention } from '../db/commit-feed';
import type { Db } from '../db/open-db';
import type { Retention } from '../db/retention';
import { POST_STORES, postWriter } from '../db/post-writes';
import type { StoredFeed, StoredPost, SyncQueueEntry } from '../db/types';
import type { ServiceItem } from './greader-parse';

/** What storing a batch did. */
export interface StoreItemsResult {
  added: number;
  /** Posts retention let go (the feeds' oldest beyond the reader's limits; starred posts stay). */
  removed: number;
  /** Posts Orrery had polled itself, now linked to the service's item. */
  linked: number;
  /** Local read/starred state that differs from the service's on linked posts: to push. */
  push: SyncQueueEntry[];
}

/** The stored post of a service item the first time it is seen. */
function toPost(item: ServiceItem, feed: StoredFeed, now: number): StoredPost {
  const post: StoredPost = {
    feedId: feed.id,
    id: `gr:${item.id}`,
    title: item.title,
    firstSeen: now,
    sortKey: item.published ?? item.updated ?? now,
    enclosures: item.enclosures,
    categories: [],
    read: item.read ? 1 : 0,
    starred: item.starred ? 1 : 0,
    folder: feed.folder,
    updatedAt: now,
    syncItemId: item.id,
  };
  if (item.url) post.url = item.url;
  if (item.author) post.author = item.author;
  if (item.published) post.published = item.published;
  if (item.updated) post.updated = item.updated;
  // Services send one HTML body (FreshRSS in `summary`, others in `content`): it is the content.
  if (item.contentHtml) post.contentHtml = item.contentHtml;
  return post;
}

/**
 * Stores items in one transaction. An item already stored is left alone (its state is
 * synced by the id lists). A feed Orrery polled before it was synced already holds the same
 * posts under the feed's own ids: an item with the same link is linked to that post rather
 * than added twice, and the post keeps the reader's read and starred state (queued to push).
 * Then the reader's retention applies to each feed that got posts, in the same transaction,
 * as after a poll. A poll spares the posts the feed still carries (else they would come back
 * as new); here the posts just received are spared: a first sync keeps what it fetched, as a
 * first poll does, and later passes, which ask only for items newer than the last, trim the
 * older ones (they do not come back).
 */
export async function storeServiceItems(db: Db, items: ServiceItem[], feedsBySyncId: Map<string, StoredFeed>, now: number, retention?: Retention): Promise<StoreItemsResult> {
  const tx = db.transaction([...POST_STORES], 'readwrite');
  const writer = await postWriter(tx);
  const posts = tx.objectStore('posts');
  const bySync = posts.index('bySyncItem');
  const localByUrl = new Map<string, Map<string, StoredPost>>();
  const result: StoreItemsResult = { added: 0, removed: 0, linked: 0, push: [] };
  const grown = new Map<string, Set<string>>();
  for (const item of items) {
    const feed = feedsBySyncId.get(item.feed);
    if (!feed) continue;
    if ((await bySync.getKey(item.id)) !== undefined) continue;
    let local = localByUrl.get(feed.id);
    if (!local) {
      local = new Map();
      const range = IDBKeyRange.bound([feed.id, -Infinity], [feed.id, Infinity]);
      for (const p of await posts.index('byFeed').getAll(range)) if (p.url && p.syncItemId === undefined) local.set(p.url, p);
      localByUrl.set(feed.id, local);
    }
    const match = item.url ? local.get(item.url) : undefined;
    if (match) {
      local.delete(item.url!);
      await writer.put(match, { ...match, syncItemId: item.id, updatedAt: now });
      result.linked++;
      if (Boolean(match.read) !== item.read) result.push.push({ key: `read:${item.id}`, kind: 'state', tag: 'read', itemId: item.id, on: Boolean(match.read), at: now });
      if (Boolean(match.starred) !== item.starred) result.push.push({ key: `starred:${item.id}`, kind: 'state', tag: 'starred', itemId: item.id, on: Boolean(match.starred), at: now });
      continue;
    }
    const post = toPost(item, feed, now);
    await writer.put(undefined, post);
    grown.set(feed.id, (grown.get(feed.id) ?? new Set()).add(post.id));
    result.added++;
  }
  if (retention) {
    const byFeed = posts.index('byFeed');
    for (const [feedId, received] of grown) {
      const total = await byFeed.count(IDBKeyRange.bound([feedId, -Infinity], [feedId, Infinity]));
      result.removed += await applyRetention(tx, feedId, total, received, retention, now, writer);
    }
  }
  await writer.save();
  await tx.done;
  return result;
}

/** Which of these item ids are not stored yet (one read-only transaction). */
export async function missingItemIds(db: Db, ids: string[]): Promise<string[]> {
  const index = db.transaction('posts').store.index('bySyncItem');
  const keys = await Promise.all(ids.map((id) => index.getKey(id)));
  return ids.filter((_, i) => keys[i] === undefined);
}

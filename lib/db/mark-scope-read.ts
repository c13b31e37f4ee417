/** Marking a scope read (everything, a folder or a feed), or only the posts above one post. */
import type { Db } from './open-db';
import { POST_STORES, postWriter } from './post-writes';
import type { StoredPost } from './types';
import { overallUnreadKeys } from './unread-overall';

/** Which unread posts to mark read. */
export interface ReadScope {
  feedId?: string;
  folder?: string;
  /** Only posts shown above this one in the river (newer, or as new with a greater key). */
  above?: { sortKey: number; key: [string, string] };
  /** Only starred posts (the river's "starred" filter). */
  starredOnly?: boolean;
}

/** True when `post` comes before `anchor` in river order (newest first, ties by key, descending). */
export function isAbove(post: Pick<StoredPost, 'sortKey' | 'feedId' | 'id'>, anchor: { sortKey: number; key: [string, string] }): boolean {
  if (post.sortKey !== anchor.sortKey) return post.sortKey > anchor.sortKey;
  return indexedDB.cmp([post.feedId, post.id], anchor.key) > 0;
}

/** The post key of an unread-ledger key, whichever ledger store it came from. */
function postKeyOf(scope: ReadScope, key: IDBValidKey): [string, string] {
  const k = key as (string | number)[];
  if (scope.feedId !== undefined) return [String(k[0]), String(k[2])];
  if (scope.folder !== undefined) return [String(k[2]), String(k[3])];
  return [String(k[1]), String(k[2])];
}

/** Marks the scope's unread posts read in one transaction; returns the keys it changed, for undo. */
export async function markScopeRead(db: Db, scope: ReadScope): Promise<[string, string][]> {
  const tx = db.transaction(POST_STORES, 'readwrite');
  const writer = await postWriter(tx);
  // Walk the unread ledger newest first: it holds only unread posts, in river order.
  const ledger =
    scope.feedId !== undefined
      ? tx.objectStore('unreadByFeed').getAllKeys(IDBKeyRange.bound([scope.feedId, -Infinity, ''], [scope.feedId, Infinity, '\uffff']))
      : scope.folder !== undefined
        ? tx.objectStore('unreadByFolder').getAllKeys(IDBKeyRange.bound([scope.folder, -Infinity, '', ''], [scope.folder, Infinity, '\uffff', '\uffff']))
        : undefined;
  const found = ledger ? (await ledger).reverse() : await overallUnreadKeys(tx.objectStore('unreadByFolder'));
  const keys = found.map((k) => postKeyOf(scope, k));
  const posts = await Promise.all(keys.map((k) => tx.objectStore('posts').get(k)));
  const changed: [string, string][] = [];
  for (const post of posts) {
    if (!post || post.read !== 0) continue;
    // Newest first: the first post that is not above the anchor ends the walk.
    if (scope.above && !isAbove(post, scope.above)) break;
    if (scope.starredOnly && post.starred !== 1) continue;
    changed.push([post.feedId, post.id]);
    await writer.put(post, { ...post, read: 1 });
  }
  await writer.save();
  await tx.done;
  return changed;
}

/** Marking a scope read (everything, a folder or a feed), or only the posts above one post. */
import type { Db } from './open-db';
import type { StoredPost } from './types';

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

/** Marks the scope's unread posts read in one transaction; returns the keys it changed, for undo. */
export async function markScopeRead(db: Db, scope: ReadScope): Promise<[string, string][]> {
  const tx = db.transaction('posts', 'readwrite');
  const lo = -Infinity;
  const hi = Infinity;
  const cursorStart =
    scope.feedId !== undefined
      ? tx.store.index('byFeedRead').openCursor(IDBKeyRange.bound([scope.feedId, 0, lo], [scope.feedId, 0, hi]), 'prev')
      : scope.folder !== undefined
        ? tx.store.index('byFolderRead').openCursor(IDBKeyRange.bound([scope.folder, 0, lo], [scope.folder, 0, hi]), 'prev')
        : tx.store.index('byRead').openCursor(IDBKeyRange.bound([0, lo], [0, hi]), 'prev');
  const changed: [string, string][] = [];
  for (let cursor = await cursorStart; cursor; cursor = await cursor.continue()) {
    const post = cursor.value;
    // Newest first: the first post that is not above the anchor ends the walk.
    if (scope.above && !isAbove(post, scope.above)) break;
    if (scope.starredOnly && post.starred !== 1) continue;
    changed.push([post.feedId, post.id]);
    await cursor.update({ ...post, read: 1 });
  }
  await tx.done;
  return changed;
}

/** How many posts a river shows (for aria-setsize and "N posts"). */
import type { Db } from './open-db';
import type { PostQuery } from './queries';
import { readUnreadCounts } from './queries';

/**
 * The number of posts `q` pages through, or undefined for starred posts of a feed or folder.
 * IndexedDB counts by walking (seconds at 100,000 posts), so the unread counts and the
 * number of posts are the maintained ones (lib/db/post-writes.ts); other counts walk only
 * their own scope.
 */
export async function countPosts(db: Db, q: Pick<PostQuery, 'filter' | 'feedId' | 'folder'>): Promise<number | undefined> {
  if (q.filter === 'unread') {
    const counts = await readUnreadCounts(db);
    if (q.feedId !== undefined) return counts.feeds[q.feedId] ?? 0;
    if (q.folder !== undefined) return counts.folders[q.folder] ?? 0;
    return counts.total;
  }
  const scope = q.feedId ?? q.folder;
  if (scope === undefined) {
    if (q.filter === 'all') return (await readUnreadCounts(db)).posts;
    // Few posts are starred, and starring is rare: an index count stays small.
    return db.countFromIndex('posts', 'byStarred', IDBKeyRange.bound([1, -Infinity], [1, Infinity]));
  }
  if (q.filter === 'starred') return undefined;
  // One feed or folder: an index walk over that scope's posts only.
  const index = q.feedId !== undefined ? 'byFeed' : 'byFolder';
  return db.countFromIndex('posts', index, IDBKeyRange.bound([scope, -Infinity], [scope, Infinity]));
}

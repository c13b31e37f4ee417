/** How many posts a river shows (for aria-setsize and "N posts"), as one index count. */
import type { Db } from './open-db';
import type { PostQuery } from './queries';

/** The number of posts `q` pages through, or undefined when no index counts it (starred in a feed or folder). */
export async function countPosts(db: Db, q: Pick<PostQuery, 'filter' | 'feedId' | 'folder'>): Promise<number | undefined> {
  const scope = q.feedId ?? q.folder;
  const byFeed = q.feedId !== undefined;
  if (scope === undefined) {
    if (q.filter === 'all') return db.count('posts');
    const flag = q.filter === 'unread' ? 0 : 1;
    return db.countFromIndex('posts', q.filter === 'unread' ? 'byRead' : 'byStarred', IDBKeyRange.bound([flag, -Infinity], [flag, Infinity]));
  }
  if (q.filter === 'starred') return undefined;
  if (q.filter === 'unread') {
    return db.countFromIndex('posts', byFeed ? 'byFeedRead' : 'byFolderRead', IDBKeyRange.bound([scope, 0, -Infinity], [scope, 0, Infinity]));
  }
  return db.countFromIndex('posts', byFeed ? 'byFeed' : 'byFolder', IDBKeyRange.bound([scope, -Infinity], [scope, Infinity]));
}

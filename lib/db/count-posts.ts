/** How many posts a river shows (for aria-setsize and "N posts"). */
import type { Db } from './open-db';
import { postKeyId } from './post-key-id';
import type { PostQuery } from './queries';
import { readUnreadCounts } from './queries';
import type { StoredPost } from './types';

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
  if (q.filter === 'all') return (await countStored(db, q)) - (await notInRiver(db, q));
  if (scope === undefined) {
    // Few posts are starred, and starring is rare: an index count stays small.
    const starred = await db.countFromIndex('posts', 'byStarred', IDBKeyRange.bound([1, -Infinity], [1, Infinity]));
    return starred - (await notInRiver(db, {}, true));
  }
  return undefined;
}

/** Posts stored in the scope: the maintained count for everything, else an index walk over that scope's posts only. */
async function countStored(db: Db, q: Pick<PostQuery, 'feedId' | 'folder'>): Promise<number> {
  const scope = q.feedId ?? q.folder;
  if (scope === undefined) return (await readUnreadCounts(db)).posts ?? 0;
  const index = q.feedId !== undefined ? 'byFeed' : 'byFolder';
  return db.countFromIndex('posts', index, IDBKeyRange.bound([scope, -Infinity], [scope, Infinity]));
}

/**
 * Stored posts (starred ones only, when `starred`) the river leaves out: hidden by a rule, or
 * folded copies (a feed's own river shows its copies). Both indexes are sparse.
 */
async function notInRiver(db: Db, q: Pick<PostQuery, 'feedId' | 'folder'>, starred = false): Promise<number> {
  const tx = db.transaction('posts');
  const hidden = tx.store.index('byHidden');
  const folded = tx.store.index('byFolded');
  const id = (k: [string, string]) => postKeyId(k[0], k[1]);
  if (q.folder === undefined && !starred) {
    // Keys only: a Planet beside its authors' feeds can fold thousands of copies.
    const [h, f] = await Promise.all([hidden.getAllKeys(), q.feedId === undefined ? folded.getAllKeys() : []]);
    const hiddenIds = new Set(h.filter((k) => q.feedId === undefined || k[0] === q.feedId).map(id));
    return hiddenIds.size + f.filter((k) => !hiddenIds.has(id(k))).length;
  }
  const [h, f] = await Promise.all([hidden.getAll(), q.feedId === undefined ? folded.getAll() : []]);
  const counts = (p: StoredPost) =>
    (!starred || p.starred === 1) && (q.feedId !== undefined ? p.feedId === q.feedId : q.folder === undefined || p.folder === q.folder);
  return h.filter(counts).length + f.filter((p) => counts(p) && p.hiddenBy === undefined).length;
}

/** How many posts a river shows (for aria-setsize and "N posts"). */
import type { Db } from './open-db';
import { postKeyId } from './post-key-id';
import type { PostQuery } from './queries';
import { readUnreadCounts } from './queries';
import { countPostsLegacy } from './count-posts-legacy';
import { riverIndexReady } from './river-backfill';
import { RIVER_FOLDER, RIVER_STARRED, riverRange } from './river-keys';

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
  // The river's index holds only the posts it shows: a folder's river and the starred posts
  // are counted over their own entries, nothing subtracted (once every post has its keys).
  const scoped = q.folder !== undefined && q.feedId === undefined;
  if ((scoped ? q.filter === 'all' : q.filter === 'starred' && q.feedId === undefined) && !(await riverIndexReady(db))) {
    return countPostsLegacy(db, scoped ? q.folder : undefined);
  }
  if (scoped) {
    return q.filter === 'all' ? db.countFromIndex('posts', 'byRiver', riverRange(RIVER_FOLDER + q.folder)) : undefined;
  }
  if (q.filter === 'starred') {
    // Few posts are starred, and starring is rare: an index count stays small.
    return q.feedId === undefined ? db.countFromIndex('posts', 'byRiver', riverRange(RIVER_STARRED)) : undefined;
  }
  return (await countStored(db, q.feedId)) - (await notInRiver(db, q.feedId));
}

/** Posts stored in the scope: the maintained count for everything, else a walk over that feed's keys only. */
async function countStored(db: Db, feedId: string | undefined): Promise<number> {
  if (feedId === undefined) return (await readUnreadCounts(db)).posts ?? 0;
  return db.countFromIndex('posts', 'byFeed', IDBKeyRange.bound([feedId, -Infinity], [feedId, Infinity]));
}

/**
 * Stored posts of everything (or of one feed) the river leaves out: hidden by a rule, or
 * folded copies (a feed's own river shows its copies). Counting everything in the byRiver
 * index would walk every shown post (seconds at 100,000 in Chromium); the maintained number of
 * posts less these two sparse indexes' keys reads only what is left out.
 */
async function notInRiver(db: Db, feedId: string | undefined): Promise<number> {
  const tx = db.transaction('posts');
  const id = (k: [string, string]) => postKeyId(k[0], k[1]);
  // Keys only: a Planet beside its authors' feeds can fold thousands of copies.
  const [h, f] = await Promise.all([tx.store.index('byHidden').getAllKeys(), feedId === undefined ? tx.store.index('byFolded').getAllKeys() : []]);
  const hiddenIds = new Set(h.filter((k) => feedId === undefined || k[0] === feedId).map(id));
  return hiddenIds.size + f.filter((k) => !hiddenIds.has(id(k))).length;
}

/** Reading: unread counts as single index counts, pages of posts as one bounded cursor. */
import type { Db } from './open-db';
import type { StoredPost } from './types';

const ALL = [-Infinity, Infinity] as const;

/** Total unread posts. */
export function countUnread(db: Db): Promise<number> {
  return db.countFromIndex('posts', 'byRead', IDBKeyRange.bound([0, ALL[0]], [0, ALL[1]]));
}

/** Unread posts of one feed. */
export function countUnreadInFeed(db: Db, feedId: string): Promise<number> {
  return db.countFromIndex('posts', 'byFeedRead', IDBKeyRange.bound([feedId, 0, ALL[0]], [feedId, 0, ALL[1]]));
}

/** Unread posts of one folder. */
export function countUnreadInFolder(db: Db, folder: string): Promise<number> {
  return db.countFromIndex('posts', 'byFolderRead', IDBKeyRange.bound([folder, 0, ALL[0]], [folder, 0, ALL[1]]));
}

/** Unread counts of many feeds, read in one transaction. */
export async function countUnreadByFeed(db: Db, feedIds: string[]): Promise<Map<string, number>> {
  const tx = db.transaction('posts');
  const index = tx.store.index('byFeedRead');
  const counts = await Promise.all(
    feedIds.map((id) => index.count(IDBKeyRange.bound([id, 0, ALL[0]], [id, 0, ALL[1]]))),
  );
  await tx.done;
  return new Map(feedIds.map((id, i) => [id, counts[i] ?? 0]));
}

/** Which posts a page shows. */
export interface PostQuery {
  filter: 'all' | 'unread' | 'starred';
  feedId?: string;
  folder?: string;
  limit: number;
  /** Continue after this post (the last one of the previous page). */
  after?: PageCursor;
}

/** Where a page ended: the index key and primary key of its last post. */
export interface PageCursor {
  key: IDBValidKey;
  primaryKey: [string, string];
}

/** One page of posts, newest first, and the cursor of the next page (undefined at the end). */
export interface PostPage {
  posts: StoredPost[];
  next?: PageCursor;
}

type IndexName = 'bySort' | 'byFeed' | 'byRead' | 'byFeedRead' | 'byFolder' | 'byFolderRead' | 'byStarred';

/** Picks the index whose key order is the page order; starred within a feed or folder is filtered. */
function plan(q: PostQuery): { index: IndexName; range: IDBKeyRange } {
  const scope = q.feedId ?? q.folder;
  if (scope !== undefined) {
    const unread = q.filter === 'unread';
    const byFeed = q.feedId !== undefined;
    if (unread) {
      return {
        index: byFeed ? 'byFeedRead' : 'byFolderRead',
        range: IDBKeyRange.bound([scope, 0, ALL[0]], [scope, 0, ALL[1]]),
      };
    }
    return { index: byFeed ? 'byFeed' : 'byFolder', range: IDBKeyRange.bound([scope, ALL[0]], [scope, ALL[1]]) };
  }
  if (q.filter === 'unread') return { index: 'byRead', range: IDBKeyRange.bound([0, ALL[0]], [0, ALL[1]]) };
  if (q.filter === 'starred') return { index: 'byStarred', range: IDBKeyRange.bound([1, ALL[0]], [1, ALL[1]]) };
  return { index: 'bySort', range: IDBKeyRange.lowerBound(ALL[0]) };
}

/** The newest page of posts for a query, as one bounded cursor walk. */
export async function queryPosts(db: Db, q: PostQuery): Promise<PostPage> {
  const { index, range } = plan(q);
  const tx = db.transaction('posts');
  const posts: StoredPost[] = [];
  let cursor = await tx.store.index(index).openCursor(range, 'prev');
  if (cursor && q.after) {
    // continuePrimaryKey throws unless the target lies strictly ahead (below, walking 'prev'):
    // the cursor may already be past it, e.g. when the last post of the previous page was read
    // since and left the unread index.
    const c = indexedDB.cmp(cursor.key, q.after.key);
    if (c > 0 || (c === 0 && indexedDB.cmp(cursor.primaryKey, q.after.primaryKey) > 0)) {
      cursor = await cursor.continuePrimaryKey(q.after.key as never, q.after.primaryKey);
    }
    if (cursor && sameKey(cursor.primaryKey, q.after.primaryKey)) cursor = await cursor.continue();
  }
  let last: PageCursor | undefined;
  while (cursor && posts.length < q.limit) {
    if (q.filter !== 'starred' || cursor.value.starred === 1) posts.push(cursor.value);
    last = { key: cursor.key, primaryKey: cursor.primaryKey };
    cursor = await cursor.continue();
  }
  await tx.done;
  return { posts, ...(cursor && last ? { next: last } : {}) };
}

function sameKey(a: IDBValidKey, b: [string, string]): boolean {
  return Array.isArray(a) && a[0] === b[0] && a[1] === b[1];
}

/** Every stored post of one feed's newest `n`, for cadence estimation. */
export async function recentPostTimes(db: Db, feedId: string, n: number): Promise<number[]> {
  const tx = db.transaction('posts');
  const times: number[] = [];
  let cursor = await tx.store.index('byFeed').openCursor(IDBKeyRange.bound([feedId, ALL[0]], [feedId, ALL[1]]), 'prev');
  while (cursor && times.length < n) {
    times.push(cursor.value.sortKey);
    cursor = await cursor.continue();
  }
  await tx.done;
  return times;
}

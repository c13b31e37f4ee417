/**
 * Reading: unread counts from the maintained counts (one record), pages of posts as one
 * bounded read over an index or, for unread pages, over the unread ledger: one
 * getAllRecords request where the browser has it, else a cursor walk.
 */
import type { Db } from './open-db';
import { emptyCounts, ledgerKeys } from './post-writes';
import { recordsNewestFirst } from './records';
import { riverIndexReady } from './river-backfill';
import { RIVER_ALL, RIVER_FOLDER, RIVER_STARRED, riverRange } from './river-keys';
import type { StoredPost, UnreadCounts } from './types';
import { keysNewestFirst, overallUnreadKeys, type OverallKey } from './unread-overall';

const ALL = [-Infinity, Infinity] as const;
const MAX_STR = '\uffff';

/** The maintained counts (unread total, per feed, per folder; stored posts). */
export async function readUnreadCounts(db: Db): Promise<UnreadCounts> {
  const v = (await db.get('meta', 'counts')) as UnreadCounts | undefined;
  return v && typeof v.total === 'number' ? v : emptyCounts();
}

/** Total unread posts. */
export async function countUnread(db: Db): Promise<number> {
  return (await readUnreadCounts(db)).total;
}

/** Unread posts of one feed. */
export async function countUnreadInFeed(db: Db, feedId: string): Promise<number> {
  return (await readUnreadCounts(db)).feeds[feedId] ?? 0;
}

/** Unread posts of one folder. */
export async function countUnreadInFolder(db: Db, folder: string): Promise<number> {
  return (await readUnreadCounts(db)).folders[folder] ?? 0;
}

/** Unread counts of many feeds, from one record. */
export async function countUnreadByFeed(db: Db, feedIds: string[]): Promise<Map<string, number>> {
  const counts = await readUnreadCounts(db);
  return new Map(feedIds.map((id) => [id, counts.feeds[id] ?? 0]));
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

/** Where a page ended: the walked key and the primary key of its last post. */
export interface PageCursor {
  key: IDBValidKey;
  primaryKey: [string, string];
  /** Walked on a v5 index (the backfill of riverKeys was not done when the river's first page was read): the next pages too. */
  legacy?: true;
}

/** One page of posts, newest first, and the cursor of the next page (undefined at the end). */
export interface PostPage {
  posts: StoredPost[];
  next?: PageCursor;
}

/**
 * The river leaves out posts a rule hid and folded copies of another post (a feed's own river
 * shows its copies). The river's index holds only shown posts (riverKeys): this check matters
 * for a feed's river (byFeed holds every post of the feed), the unread ledger, and the v5
 * indexes read until the backfill of riverKeys is done.
 */
function shownBy(q: PostQuery): (p: StoredPost) => boolean {
  return (p) => p.hiddenBy === undefined && (p.dupOf === undefined || q.feedId !== undefined);
}

/** Records read at most by one read of a run of left-out posts (a feed's river whose newest posts a rule hid). */
const MAX_SKIP_READ = 1000;

/**
 * The newest page of posts for a query. A page is never empty while more posts exist: where
 * a page's posts were all left out (hidden posts at the top of a feed's river, the ledger's
 * entries of folded copies), the next ones are read, in growing reads, until one shows a post.
 * Posts carry their stored alsoIn (the copies they had when they got their first): a page is
 * one read, and what shows the list completes it (components/timeline/use-also-in.ts).
 */
export async function queryPosts(db: Db, asked: PostQuery): Promise<PostPage> {
  // Until the v6 backfill is done (lib/db/river-backfill.ts), posts stored before v6 may lack
  // their riverKeys: the rivers byRiver serves read the v5 indexes (v7 keeps them for such a
  // database only). A river begun on them goes on over byRiver once the backfill is done, its
  // cursor turned into byRiver's key of the same place: nothing reads them after that, so a
  // database v7 dropped them from never needs them.
  const river = asked.filter !== 'unread' && asked.feedId === undefined;
  const legacy = river && (asked.after === undefined || asked.after.legacy === true) && !(await riverIndexReady(db));
  const q = river && !legacy && asked.after?.legacy ? { ...asked, after: riverCursor(asked, asked.after) } : asked;
  const read = async (r: PostQuery) => {
    const page = r.filter === 'unread' ? await queryUnread(db, r) : await queryIndexed(db, r, legacy);
    if (legacy && page.next) page.next.legacy = true;
    return page;
  };
  let page = await read(q);
  let limit = q.limit;
  while (page.posts.length === 0 && page.next) {
    limit = Math.min(MAX_SKIP_READ, limit * 4);
    page = await read({ ...q, limit, after: page.next });
  }
  if (page.posts.length > q.limit) {
    // A grown read found more than a page: the page ends at its last post.
    const posts = page.posts.slice(0, q.limit);
    page = { posts, next: cursorAt(q, posts[posts.length - 1]!, legacy) };
  }
  return page;
}

/** The cursor of post `p` in the index (or ledger store) that `q` walks. */
function cursorAt(q: PostQuery, p: StoredPost, legacy: boolean): PageCursor {
  const primaryKey: [string, string] = [p.feedId, p.id];
  if (q.filter === 'unread') {
    const k = ledgerKeys(p);
    const overall: OverallKey = [p.sortKey, p.feedId, p.id];
    return { key: q.feedId !== undefined ? k.unreadByFeed : q.folder !== undefined ? k.unreadByFolder : overall, primaryKey };
  }
  const { index, scope } = plan(q, legacy);
  if (index === 'bySort') return { key: p.sortKey, primaryKey, legacy: true };
  if (index === 'byFolder') return { key: [p.folder, p.sortKey], primaryKey, legacy: true };
  if (index === 'byStarred') return { key: [1, p.sortKey], primaryKey, legacy: true };
  return { key: index === 'byFeed' || scope === undefined ? [p.feedId, p.sortKey] : [scope, p.sortKey], primaryKey };
}

/** A cursor of a v5 index (bySort: sortKey; byFolder: [folder, sortKey]; byStarred: [1, sortKey]) as the same place in byRiver. */
function riverCursor(q: PostQuery, after: PageCursor): PageCursor {
  const { scope } = plan(q, false);
  const sortKey = typeof after.key === 'number' ? after.key : (after.key as [unknown, number])[1];
  return { key: [scope ?? RIVER_ALL, sortKey], primaryKey: after.primaryKey };
}

type IndexName = 'byRiver' | 'byFeed' | 'bySort' | 'byFolder' | 'byStarred';

/**
 * Picks the index (and the river's scope in byRiver) whose key order is the page order;
 * starred within a feed or folder is filtered. `legacy`: the v5 indexes, which hold every post.
 */
function plan(q: PostQuery, legacy: boolean): { index: IndexName; range: IDBKeyRange; scope?: string } {
  if (q.feedId !== undefined) return { index: 'byFeed', range: IDBKeyRange.bound([q.feedId, ALL[0]], [q.feedId, ALL[1]]) };
  if (legacy) {
    if (q.folder !== undefined) return { index: 'byFolder', range: IDBKeyRange.bound([q.folder, ALL[0]], [q.folder, ALL[1]]) };
    if (q.filter === 'starred') return { index: 'byStarred', range: IDBKeyRange.bound([1, ALL[0]], [1, ALL[1]]) };
    return { index: 'bySort', range: IDBKeyRange.lowerBound(ALL[0]) };
  }
  const scope = q.folder !== undefined ? RIVER_FOLDER + q.folder : q.filter === 'starred' ? RIVER_STARRED : RIVER_ALL;
  return { index: 'byRiver', range: riverRange(scope), scope };
}

async function queryIndexed(db: Db, q: PostQuery, legacy: boolean): Promise<PostPage> {
  const { index, range } = plan(q, legacy);
  const tx = db.transaction('posts');
  // Starred posts of a feed or folder are filtered from its index: only a cursor knows when to stop.
  const filtered = q.filter === 'starred' && (q.feedId !== undefined || q.folder !== undefined);
  const fast = filtered ? undefined : await pageOfRecords(tx.store.index(index), range, q);
  if (fast) {
    await tx.done;
    return fast;
  }
  const posts: StoredPost[] = [];
  let cursor = await tx.store.index(index).openCursor(range, 'prev');
  if (cursor && q.after) {
    // continuePrimaryKey throws when asked for the cursor's own position, so check first.
    if (indexedDB.cmp(cursor.key, q.after.key) !== 0 || !sameKey(cursor.primaryKey, q.after.primaryKey)) {
      cursor = await cursor.continuePrimaryKey(q.after.key as never, q.after.primaryKey);
    }
    if (cursor && sameKey(cursor.primaryKey, q.after.primaryKey)) cursor = await cursor.continue();
  }
  let last: PageCursor | undefined;
  while (cursor && posts.length < q.limit) {
    if ((!filtered || cursor.value.starred === 1) && shownBy(q)(cursor.value)) posts.push(cursor.value);
    last = { key: cursor.key, primaryKey: cursor.primaryKey };
    cursor = await cursor.continue();
  }
  await tx.done;
  return { posts, ...(cursor && last ? { next: last } : {}) };
}

/** Posts sharing `after`'s index key read again to skip past it, beyond which a cursor takes over. */
const TIE_SLACK = 16;

/**
 * A page as one getAllRecords request: up to limit + 1 records at or below `after` (the one
 * more tells whether a next page exists); records tied with `after` at or above its primary
 * key were on the previous page. Undefined (walk a cursor) without getAllRecords, or when
 * more ties than the slack hide the end of the page.
 */
async function pageOfRecords(
  index: Parameters<typeof recordsNewestFirst>[0],
  range: IDBKeyRange,
  q: PostQuery,
): Promise<PostPage | undefined> {
  const after = q.after;
  const bounded = after ? IDBKeyRange.bound(range.lower, after.key, range.lowerOpen, false) : range;
  const count = q.limit + 1 + (after ? TIE_SLACK : 0);
  const got = await recordsNewestFirst<StoredPost>(index, bounded, count);
  if (!got) return undefined;
  const rest = after
    ? got.filter((r) => indexedDB.cmp(r.key, after.key) !== 0 || indexedDB.cmp(r.primaryKey, after.primaryKey) < 0)
    : got;
  if (rest.length <= q.limit && got.length === count) return undefined;
  const page = rest.slice(0, q.limit);
  const last = page[page.length - 1];
  const more = rest.length > q.limit;
  return {
    posts: page.map((r) => r.value).filter(shownBy(q)),
    ...(more && last ? { next: { key: last.key, primaryKey: last.primaryKey as [string, string] } } : {}),
  };
}

/** The sort key of the newest post a query shows (queryPosts reads past posts the river leaves out). */
export async function newestShownSortKey(db: Db, q: Omit<PostQuery, 'limit' | 'after'>): Promise<number | undefined> {
  return (await queryPosts(db, { ...q, limit: 1 })).posts[0]?.sortKey;
}

/** Unread pages walk the unread ledger (keys in river order; overall: lib/db/unread-overall.ts), then fetch those posts. */
async function queryUnread(db: Db, q: PostQuery): Promise<PostPage> {
  const tx = db.transaction(['posts', 'unreadByFeed', 'unreadByFolder', 'meta']);
  let keys: IDBValidKey[];
  let toPostKey = (k: IDBValidKey): [string, string] => {
    const a = k as [number, string, string];
    return [a[1], a[2]];
  };
  if (q.feedId === undefined && q.folder === undefined) {
    keys = await overallUnreadKeys(tx.objectStore('unreadByFolder'), q.limit + 1, q.after?.key as OverallKey | undefined, tx.objectStore('meta'));
  } else {
    const byFeed = q.feedId !== undefined;
    const scope = q.feedId ?? q.folder ?? '';
    const store = byFeed ? 'unreadByFeed' : 'unreadByFolder';
    const lower: IDBValidKey = byFeed ? [scope, ALL[0], ''] : [scope, ALL[0], '', ''];
    const upper: IDBValidKey = byFeed ? [scope, ALL[1], MAX_STR] : [scope, ALL[1], MAX_STR, MAX_STR];
    toPostKey = (k) => {
      const a = k as string[];
      return byFeed ? [a[0]!, a[2]!] : [a[2]!, a[3]!];
    };
    // Ledger keys are unique, so "after" is simply an exclusive upper bound.
    const range = q.after ? IDBKeyRange.bound(lower, q.after.key, false, true) : IDBKeyRange.bound(lower, upper);
    keys = await keysNewestFirst(tx.objectStore(store), range, q.limit + 1);
  }
  const more = keys.length > q.limit;
  const pageKeys = keys.slice(0, q.limit);
  const found = await Promise.all(pageKeys.map((k) => tx.objectStore('posts').get(toPostKey(k))));
  const shown = shownBy(q);
  const posts = found.filter((p): p is StoredPost => p !== undefined && shown(p));
  await tx.done;
  const lastKey = pageKeys[pageKeys.length - 1];
  return { posts, ...(more && lastKey !== undefined ? { next: { key: lastKey, primaryKey: toPostKey(lastKey) } } : {}) };
}

function sameKey(a: IDBValidKey, b: [string, string]): boolean {
  return Array.isArray(a) && a[0] === b[0] && a[1] === b[1];
}

/** The sortKeys of one feed's newest `n` posts. */
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

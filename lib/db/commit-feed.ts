/**
 * One poll's writes inside a transaction that may carry other polls' too (see commit-batch):
 * the feed's new state, its new and changed posts, and the posts retention lets go.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { ParsedItem } from '../feed/types';
import type { PostWriter } from './post-writes';
import { isExpired, type Retention } from './retention';
import { unfoldRemoved } from '../dedupe/unfold-removed';
import type { OrreryDB } from './schema';
import type { StoredFeed, StoredPost } from './types';

/** What a commit changed (undefined when the feed was unsubscribed meanwhile). */
export interface CommitResult {
  added: number;
  updated: number;
  /** Posts removed by retention. */
  removed: number;
}

/** One poll to store: the feed's new state (from the stored one) and the items it read. */
export interface FeedCommit {
  feedId: string;
  update: (current: StoredFeed) => StoredFeed;
  items: ParsedItem[];
  now: number;
  /** Applied only when given (after a full fetch: never on a 304 or an error). */
  retention?: Retention | undefined;
}

/** A readwrite transaction over feeds, and the post stores when a commit has items. */
export type CommitTx = IDBPTransaction<OrreryDB, ArrayLike<StoreNames<OrreryDB>>, 'readwrite'>;

/** A poll read and merged in the transaction: its new posts wait for the batch's rules and folding. */
export interface StagedCommit {
  job: FeedCommit;
  feed: StoredFeed;
  /** New posts, written by finishFeedCommit (rules and folding may change them first). */
  fresh: StoredPost[];
  added: number;
  updated: number;
  /** Posts the feed holds with this poll's new ones. */
  total: number;
  /** Writes already queued (changed posts). */
  writes: Promise<unknown>[];
}

/** A poll that is done at stage time (no posts, or an unsubscribed feed), or one to finish. */
export type Stage = { done: CommitResult | undefined } | { staged: StagedCommit };

/**
 * The first part of storing one poll in `tx` (writer: the batch's post writer, or its promise
 * while the counts are read with the poll's first reads; needed when the poll has items): the
 * feed and what it already holds are read, changed posts are written, new ones are staged. An
 * updated post changes in place and keeps its read and starred state; a post without a date
 * keeps its first-seen time. A feed unsubscribed while its request was in flight gets nothing
 * written, and undefined.
 */
export async function stageFeedCommit(tx: CommitTx, writer: PostWriter | Promise<PostWriter> | undefined, job: FeedCommit): Promise<Stage> {
  const { feedId, update, now } = job;
  const feeds = tx.objectStore('feeds');
  if (job.items.length === 0 || !writer) {
    // A poll that brought no posts (304, an error) only updates its feed.
    const current = await feeds.get(feedId);
    if (!current) return { done: undefined };
    await feeds.put(update(current));
    return { done: { added: 0, updated: 0, removed: 0 } };
  }
  const posts = tx.objectStore('posts');
  // Commits wait for each other (they share the posts and ledger stores), so each round trip
  // to the database counts: the first reads go out together. Which posts the feed has is read
  // from keys only; records are read just for the items already stored (to merge) and the
  // posts retention removes (a whole-feed getAll cloned every stored post, ~7 KB each for
  // full-text feeds, on every poll: see README).
  const [current, storedKeys] = await Promise.all([
    // Re-read the feed inside the transaction: the user may have renamed, moved or
    // unsubscribed it while the request was in flight.
    feeds.get(feedId),
    posts.getAllKeys(IDBKeyRange.bound([feedId], [feedId, []])),
  ]);
  if (!current) return { done: undefined };
  const feed = update(current);
  // A feed may repeat an id (real feeds do): the first occurrence wins, as in the river.
  const seen = new Set<string>();
  const items = job.items.filter((it) => !seen.has(it.id) && seen.add(it.id) !== undefined);
  const storedIds = new Set(storedKeys.map((k) => k[1]));
  const stored = new Map<string, StoredPost>();
  for (const p of await Promise.all(items.filter((it) => storedIds.has(it.id)).map((it) => posts.get([feedId, it.id])))) {
    if (p) stored.set(p.id, p);
  }
  let updated = 0;
  const writes: Promise<unknown>[] = [];
  const fresh: StoredPost[] = [];
  const posting = await writer;
  for (const item of items) {
    const old = stored.get(item.id);
    const next = toStoredPost(feed, item, old, now);
    if (!old) {
      fresh.push(next);
      continue;
    } else if (changed(old, next)) updated++;
    else continue;
    writes.push(posting.put(old, next));
  }
  return { staged: { job, feed, fresh, added: fresh.length, updated, total: storedIds.size + fresh.length, writes } };
}

/** The last part of storing one poll: its new posts, the feed's new state, and retention. */
export async function finishFeedCommit(tx: CommitTx, writer: PostWriter, s: StagedCommit): Promise<CommitResult> {
  const { job, feed, fresh, writes } = s;
  for (const p of fresh) writes.push(writer.put(undefined, p));
  writes.push(tx.objectStore('feeds').put(feed));
  // Retention's reads are queued behind the writes (requests run in order), so they see them.
  const [removed] = await Promise.all([
    job.retention ? applyRetention(tx, job.feedId, s.total, new Set(job.items.map((i) => i.id)), job.retention, job.now, writer) : 0,
    ...writes,
  ]);
  return { added: s.added, updated: s.updated, removed };
}

/**
 * Removes the posts of a feed (holding `total` posts, this commit's writes included) that
 * retention lets go. The candidates come from keys of the byFeed index, whose ascending order
 * is the river's newest-first order reversed (date, then id): the oldest total - keepPosts
 * posts rank past keepPosts, and a key range finds those older than keepDays. Only the
 * candidates' records are read (starred posts stay; a removal drops their ledger entries).
 */
export async function applyRetention(
  tx: CommitTx,
  feedId: string,
  total: number,
  inFeed: Set<string>,
  rule: Retention,
  now: number,
  writer: PostWriter,
): Promise<number> {
  const byFeed = tx.objectStore('posts').index('byFeed');
  const over = total - rule.keepPosts;
  const [beyondCount, tooOld] = await Promise.all([
    over > 0 ? byFeed.getAllKeys(IDBKeyRange.bound([feedId, -Infinity], [feedId, Infinity]), over) : [],
    rule.keepDays > 0 ? byFeed.getAllKeys(IDBKeyRange.bound([feedId, -Infinity], [feedId, now - rule.keepDays * 86_400_000], false, true)) : [],
  ]);
  const beyond = new Set(beyondCount.map((k) => k[1]));
  const candidates = new Map<string, [string, string]>();
  for (const k of [...beyondCount, ...tooOld]) if (!inFeed.has(k[1])) candidates.set(k[1], k);
  const records = await Promise.all([...candidates.values()].map((k) => tx.objectStore('posts').get(k)));
  // A candidate ranks past keepPosts or is too old; isExpired decides (starred posts stay).
  const expired = records.filter((p): p is StoredPost => p !== undefined && isExpired(p, beyond.has(p.id) ? rule.keepPosts : 0, false, rule, now));
  await Promise.all(expired.map((p) => writer.remove(p)));
  // A removed post shown in another feed's place hands it to a copy (lib/dedupe).
  if (expired.some((p) => p.alsoIn || p.dupOf)) await unfoldRemoved(tx, writer, expired);
  return expired.length;
}

const KEPT_MARKS = ['hiddenBy', 'highlightBy', 'dupOf', 'alsoIn', 'dupKeys'] as const;

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
  // The article extracted from its page outlives the feed's edits of the post.
  if (old?.article) post.article = old.article;
  // What rules and duplicate folding decided stays with the post when the feed updates it.
  if (old) for (const k of KEPT_MARKS) if (old[k] !== undefined) (post as unknown as Record<string, unknown>)[k] = old[k];
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

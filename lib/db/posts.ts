/** Writing posts: one poll's result committed with its feed in a single transaction. */
import type { ParsedItem } from '../feed/types';
import type { Db } from './open-db';
import type { IDBPTransaction, StoreNames } from 'idb';
import { POST_STORES, postWriter, type PostWriter } from './post-writes';
import { isExpired, type Retention } from './retention';
import type { OrreryDB } from './schema';
import { markScopeRead } from './mark-scope-read';
import { transactionCause } from './transaction-cause';
import { foldAtIngest } from '../dedupe/fold-at-ingest';
import { withCopies } from '../dedupe/copies-of';
import { applyRulesAtIngest } from '../rules/rules-at-ingest';
import type { StoredFeed, StoredPost } from './types';

/** What a commit changed (undefined when the feed was unsubscribed meanwhile). */
export interface CommitResult {
  added: number;
  updated: number;
  /** Posts removed by retention. */
  removed: number;
}

/**
 * Stores the items of one fetch and the feed's new state atomically: a worker killed
 * mid-way leaves either all of it or none of it. An updated post changes in place and
 * keeps its read and starred state; a post without a date keeps its first-seen time.
 */
export async function commitPoll(
  db: Db,
  feedId: string,
  update: (current: StoredFeed) => StoredFeed,
  items: ParsedItem[],
  now: number,
  retention?: Retention,
): Promise<CommitResult | undefined> {
  if (items.length === 0) return commitFeedOnly(db, feedId, update);
  const tx = db.transaction(['feeds', ...POST_STORES], 'readwrite');
  try {
    return await commitIn(tx, feedId, update, items, now, retention);
  } catch (err) {
    throw await transactionCause(tx, err);
  }
}

type CommitTx = IDBPTransaction<OrreryDB, ('feeds' | (typeof POST_STORES)[number])[], 'readwrite'>;

/** commitPoll's work inside its transaction. */
async function commitIn(
  tx: CommitTx,
  feedId: string,
  update: (current: StoredFeed) => StoredFeed,
  items: ParsedItem[],
  now: number,
  retention: Retention | undefined,
): Promise<CommitResult | undefined> {
  const posts = tx.objectStore('posts');
  // Every commit waits for the one before it (they share the posts and ledger stores), so
  // each round trip to the database counts: the three first reads go out together. Which
  // posts the feed has is read from keys only; records are read just for the items already
  // stored (to merge) and the posts retention removes (a whole-feed getAll cloned every
  // stored post, ~7 KB each for full-text feeds, on every poll: see README).
  const [current, writer, storedKeys] = await Promise.all([
    // Re-read the feed inside the transaction: the user may have renamed, moved or
    // unsubscribed it while the request was in flight.
    tx.objectStore('feeds').get(feedId),
    postWriter(tx),
    posts.getAllKeys(IDBKeyRange.bound([feedId], [feedId, []])),
  ]);
  if (!current) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return undefined;
  }
  const feed = update(current);
  // A feed may repeat an id (real feeds do): the first occurrence wins, as in the river.
  const seen = new Set<string>();
  items = items.filter((it) => !seen.has(it.id) && seen.add(it.id) !== undefined);
  const storedIds = new Set(storedKeys.map((k) => k[1]));
  const stored = new Map<string, StoredPost>();
  for (const p of await Promise.all(items.filter((it) => storedIds.has(it.id)).map((it) => posts.get([feedId, it.id])))) {
    if (p) stored.set(p.id, p);
  }
  let added = 0;
  let updated = 0;
  const writes: Promise<unknown>[] = [];
  let fresh: StoredPost[] = [];
  for (const item of items) {
    const old = stored.get(item.id);
    const next = toStoredPost(feed, item, old, now);
    if (!old) {
      added++;
      fresh.push(next);
      continue;
    } else if (changed(old, next)) updated++;
    else continue;
    writes.push(writer.put(old, next));
  }
  // New posts meet the reader's rules (lib/rules) and are folded when another feed brought them (lib/dedupe).
  if (fresh.length > 0) {
    fresh = await applyRulesAtIngest(tx, fresh);
    await foldAtIngest(tx, writer, fresh);
    for (const p of fresh) writes.push(writer.put(undefined, p));
  }
  writes.push(tx.objectStore('feeds').put(feed));
  // Retention's reads are queued behind the writes (requests run in order), so they see them.
  const [removed] = await Promise.all([
    retention ? applyRetention(tx, feedId, storedIds.size + added, new Set(items.map((i) => i.id)), retention, now, writer) : 0,
    ...writes,
  ]);
  await Promise.all([writer.save(), tx.done]);
  return { added, updated, removed };
}

/**
 * Removes the posts of a feed (holding `total` posts, this commit's writes included) that
 * retention lets go. The candidates come from keys of the byFeed index, whose ascending order
 * is the river's newest-first order reversed (date, then id): the oldest total - keepPosts
 * posts rank past keepPosts, and a key range finds those older than keepDays. Only the
 * candidates' records are read (starred posts stay; a removal drops their ledger entries).
 */
async function applyRetention(
  tx: IDBPTransaction<OrreryDB, ArrayLike<StoreNames<OrreryDB>>, 'readwrite'>,
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
  return expired.length;
}

/** A poll that brought no posts (304, an error) only updates its feed: a lighter transaction. */
async function commitFeedOnly(db: Db, feedId: string, update: (current: StoredFeed) => StoredFeed): Promise<CommitResult | undefined> {
  const tx = db.transaction('feeds', 'readwrite');
  const current = await tx.store.get(feedId);
  if (current) await tx.store.put(update(current));
  await tx.done;
  return current ? { added: 0, updated: 0, removed: 0 } : undefined;
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

/** Sets the read state of some posts; returns how many changed. */
export async function setRead(db: Db, keys: [string, string][], read: boolean): Promise<number> {
  const tx = db.transaction(POST_STORES, 'readwrite');
  const writer = await postWriter(tx);
  const flag: 0 | 1 = read ? 1 : 0;
  let posts = (await Promise.all(keys.map((key) => tx.objectStore('posts').get(key)))).filter((p): p is StoredPost => p !== undefined);
  // Reading a post reads its folded copies too (lib/dedupe); unread, only the post itself.
  if (read) posts = await withCopies(tx, posts);
  const changing = posts.filter((p) => p.read !== flag);
  await Promise.all(changing.map((p) => writer.put(p, { ...p, read: flag })));
  await writer.save();
  await tx.done;
  return changing.length;
}

/** Sets the starred state of one post. */
export async function setStarred(db: Db, key: [string, string], starred: boolean): Promise<void> {
  const tx = db.transaction(POST_STORES, 'readwrite');
  const writer = await postWriter(tx);
  const post = await tx.objectStore('posts').get(key);
  // Starring a post stars its folded copies too (lib/dedupe).
  const group = post ? await withCopies(tx, [post]) : [];
  await Promise.all(group.map((p) => writer.put(p, { ...p, starred: starred ? 1 : 0 })));
  await writer.save();
  await tx.done;
}

/** Marks every unread post (of one feed, or all) read; returns the keys changed, for undo. */
export async function markAllRead(db: Db, feedId?: string): Promise<[string, string][]> {
  return markScopeRead(db, feedId === undefined ? {} : { feedId });
}

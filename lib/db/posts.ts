/** Writing posts: one poll's result committed with its feed in a single transaction. */
import type { ParsedItem } from '../feed/types';
import type { Db } from './open-db';
import { commitBatch } from './commit-batch';
import type { CommitResult } from './commit-feed';
import { POST_STORES, postWriter } from './post-writes';
import type { Retention } from './retention';
import { markScopeRead } from './mark-scope-read';
import { withCopies } from '../dedupe/copies-of';
import type { StoredFeed, StoredPost } from './types';

/** What a commit changed (undefined when the feed was unsubscribed meanwhile). */
export type { CommitResult } from './commit-feed';

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
  const [result] = await commitBatch(db, [{ feedId, update, items, now, retention }]);
  return result;
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

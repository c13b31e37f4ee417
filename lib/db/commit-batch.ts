/**
 * Several polls committed in one IndexedDB transaction: all of them or none of them. A
 * transaction costs a commit in the database and a read and write of the maintained unread
 * counts; during a refresh, polls that finish while another commit runs share the next one
 * (see lib/poll/commit-queue.ts) instead of each paying for its own.
 */
import type { Db } from './open-db';
import { finishFeedCommit, stageFeedCommit, type CommitResult, type CommitTx, type FeedCommit, type StagedCommit } from './commit-feed';
import { foldAtIngest } from '../dedupe/fold-at-ingest';
import { applyRulesAtIngest } from '../rules/rules-at-ingest';
import { readRulesIn } from '../rules/rule-store';
import type { Rule } from '../rules/types';
import { POST_STORES, postWriter, type PostWriter } from './post-writes';
import { transactionCause } from './transaction-cause';

/**
 * Stores every poll of `jobs` (one per feed) atomically: a worker killed mid-way leaves all
 * of them or none. Resolves with each poll's result, in order, once the transaction has
 * committed; rejects with the transaction's cause (quota, disk) when anything fails. `signal`
 * aborts the transaction while it reads, before its first write (a page wants to read: the
 * batch gives way, nothing of it is written, and it can be committed again as it was); once it
 * writes, it commits.
 */
export async function commitBatch(db: Db, jobs: FeedCommit[], signal?: AbortSignal): Promise<(CommitResult | undefined)[]> {
  const withPosts = jobs.some((j) => j.items.length > 0);
  // Relaxed durability: the browser commits without waiting for the disk to flush. A worker
  // stopped at any moment still loses nothing committed (the browser, not the worker, holds the
  // database); only a power cut could lose the last commits, and each holds its feed's state
  // with its posts, so those feeds are simply fetched again.
  const tx = (withPosts
    ? db.transaction(['feeds', ...POST_STORES], 'readwrite', { durability: 'relaxed' })
    : db.transaction('feeds', 'readwrite', { durability: 'relaxed' })) as unknown as CommitTx;
  // The transaction can fail before any awaited request does (post writes are raw requests,
  // with no promise): its verdict is read below (tx.done, transactionCause), never left
  // unhandled meanwhile.
  tx.done.catch(() => undefined);
  const giveWay = () => {
    try {
      tx.abort();
    } catch {
      // Committing or committed already: it ends as it would have.
    }
  };
  if (signal?.aborted) giveWay();
  signal?.addEventListener('abort', giveWay, { once: true });
  try {
    // The batch's first reads go out together, in one round trip to the database: the counts,
    // the rules, each feed and its post keys. They were three round trips in turn, each waiting
    // for the browser's IndexedDB and for this worker, busy parsing other feeds (a commit's first
    // reads took ~30% of its time in a refresh of new posts).
    const writing = withPosts ? postWriter(tx) : undefined;
    const rules = withPosts ? readRulesIn(tx) : undefined;
    // Neither is left unhandled while the stages run: both are awaited below.
    writing?.catch(() => undefined);
    rules?.catch(() => undefined);
    const stages = await Promise.all(jobs.map((job) => stageFeedCommit(tx, writing, job)));
    const writer = await writing;
    const staged = stages.flatMap((s) => ('staged' in s ? [s.staged] : []));
    if (writer && rules && staged.some((s) => s.fresh.length > 0)) await meetRulesAndFold(tx, writer, staged, rules);
    // From its writes on, the batch no longer gives way: the browser runs a transaction's queued
    // writes before it reads the abort, then undoes them, and meanwhile no page can even open the
    // database. A page opened during a refresh of 100,000 Planet-sized posts waited 2.7 s behind
    // a batch's queued writes and 0.9 s more for their undoing; finishing them is never slower.
    signal?.removeEventListener('abort', giveWay);
    const results = await Promise.all(stages.map((s) => ('staged' in s ? finishFeedCommit(tx, writer!, s.staged) : s.done)));
    await Promise.all([writer?.save(), tx.done]);
    return results;
  } catch (err) {
    // A bug of ours (not a refused request) would let the transaction commit the other polls'
    // writes without this one's: abort, so the batch is all or nothing.
    try {
      tx.abort();
    } catch {
      // Already aborted or finished.
    }
    throw await transactionCause(tx, err);
  } finally {
    signal?.removeEventListener('abort', giveWay);
  }
}

/**
 * The batch's new posts meet the reader's rules (lib/rules) and are folded when another feed
 * brought them (lib/dedupe), all together: a post shown before gets every copy of the batch
 * in one write, and copies arriving in one batch from two feeds fold together.
 */
async function meetRulesAndFold(tx: CommitTx, writer: PostWriter, staged: StagedCommit[], rules: Promise<Rule[]>): Promise<void> {
  const judged = await applyRulesAtIngest(tx, staged.flatMap((s) => s.fresh), rules);
  let i = 0;
  for (const s of staged) s.fresh = s.fresh.map(() => judged[i++]!);
  await foldAtIngest(tx, writer, judged);
}

/**
 * Group commit for a polling run: polls that finish while a commit is under way are stored
 * together in the next transaction (commitBatch), instead of one transaction each. Nothing
 * waits on purpose: an idle queue commits a poll at once, and the batches grow only as fast
 * as polls pile up behind the database. Each poll's promise settles once its own data is
 * committed, so a worker stopped at any moment loses nothing it reported stored (polls not
 * yet committed are still due in the database, and are fetched again). When a batch fails,
 * its polls are committed one by one, so each feed is told its own outcome (one feed's too
 * large write does not fail the others). While a page opened during the refresh reads its
 * first screen, no new transaction starts (lib/poll/reader-gate.ts): its reads would each
 * queue behind one. A batch under way when a page starts reading gives way: its transaction is
 * aborted (nothing of it written) and its polls are committed again after the page's read.
 * A poll gives way once only, so pages opened one after another cannot stop a refresh; it is
 * then committed alone, so the next page to open waits at most for one poll's transaction, not
 * for a whole batch's (up to 8 feeds, a few hundred posts on a first refresh). A batch that has
 * begun writing no longer gives way (lib/db/commit-batch.ts): the browser would finish its
 * queued writes and then undo them. So that a page never waits long behind one, a batch also
 * holds at most ~1.5 M characters of post text: 8 Planet-sized feeds of 100 full-text posts
 * were one 5-6 MB transaction, which the browser ran as one task of 1-3 s that even a page's
 * opening of the database waited for (at 100,000 stored posts).
 */
import type { Db } from '../db/open-db';
import { commitBatch } from '../db/commit-batch';
import type { CommitResult, FeedCommit } from '../db/commit-feed';
import { installedReaderGate, type ReaderGate } from './reader-gate';

/** Bounds of one batch: a page's read waits behind a write transaction, so keep them short. */
export interface CommitQueueLimits {
  /** Polls per transaction (default 8). */
  maxJobs?: number;
  /** Items read from feeds per transaction (default 1,000); a larger poll goes alone. */
  maxItems?: number;
  /** Characters of post text (content, summary, title) per transaction (default 1.5 M); a larger poll goes alone. */
  maxChars?: number;
  /** Pages reading their first screen: a batch starts once they are done (default: the installed gate). */
  readers?: ReaderGate;
}

/** Commits polls, batched. */
export interface CommitQueue {
  /** Stores one poll; settles when it is committed (or refused: rejects with the cause). */
  commit(job: FeedCommit): Promise<CommitResult | undefined>;
}

interface Pending {
  job: FeedCommit;
  /** Committed alone: its batch failed, it gets its own verdict. */
  alone: boolean;
  /** Its batch gave way to a page once already: it does not again, and is committed alone. */
  yielded?: boolean;
  resolve: (r: CommitResult | undefined) => void;
  reject: (err: unknown) => void;
}

/** The post text a poll brings (what its transaction writes, at most): its items' content, summary and title. */
const charsOf = (job: FeedCommit): number => job.items.reduce((n, i) => n + (i.contentHtml?.length ?? 0) + (i.summary?.length ?? 0) + i.title.length, 0);

/** Creates a queue writing to `db` (one per polling run). */
export function createCommitQueue(db: Db, limits: CommitQueueLimits = {}): CommitQueue {
  const maxJobs = limits.maxJobs ?? 8;
  const maxItems = limits.maxItems ?? 1_000;
  const maxChars = limits.maxChars ?? 1_500_000;
  const readers = limits.readers ?? installedReaderGate();
  const queue: Pending[] = [];
  let draining = false;

  /** The next batch: in order, one poll per feed (two polls of a feed must not share one). */
  function take(): Pending[] {
    const first = queue.shift();
    if (!first) return [];
    const batch = [first];
    if (first.alone) return batch;
    const feeds = new Set([first.job.feedId]);
    let items = first.job.items.length;
    let chars = charsOf(first.job);
    for (let i = 0; i < queue.length && batch.length < maxJobs; ) {
      const p = queue[i] as Pending;
      if (p.alone || feeds.has(p.job.feedId) || items + p.job.items.length > maxItems || chars + charsOf(p.job) > maxChars) {
        i++;
        continue;
      }
      queue.splice(i, 1);
      batch.push(p);
      feeds.add(p.job.feedId);
      items += p.job.items.length;
      chars += charsOf(p.job);
    }
    return batch;
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      for (;;) {
        // Polls arriving during a hold join the batch that follows it; with no page reading, no wait at all.
        const hold = readers?.clear();
        if (hold) await hold;
        const batch = take();
        if (batch.length === 0) break;
        const giveWay = readers && !batch.some((p) => p.yielded) ? new AbortController() : undefined;
        const stopListening = giveWay ? readers?.onReading(() => giveWay.abort()) : undefined;
        try {
          const results = await commitBatch(db, batch.map((p) => p.job), giveWay?.signal);
          batch.forEach((p, i) => p.resolve(results[i]));
        } catch (err) {
          // Aborted for a page: first in line again, after the hold, one transaction each.
          if (giveWay?.signal.aborted) queue.unshift(...batch.map((p) => ({ ...p, yielded: true, alone: true })));
          else if (batch.length === 1) (batch[0] as Pending).reject(err);
          // Which poll made it fail is unknown: each tries again alone, first in line.
          else queue.unshift(...batch.map((p) => ({ ...p, alone: true })));
        } finally {
          stopListening?.();
        }
      }
    } finally {
      draining = false;
    }
  }

  return {
    commit(job) {
      return new Promise((resolve, reject) => {
        queue.push({ job, alone: false, resolve, reject });
        if (!draining) void drain();
      });
    },
  };
}

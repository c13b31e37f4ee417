/** Polling every due feed, politely: one request per host, a small global limit. */
import type { Db } from '../db/open-db';
import { countDue, dueFeeds } from '../db/feeds';
import { dueAtWake, GATHER_WINDOW_MS } from './due-at-wake';
import { createCommitQueue } from './commit-queue';
import { createHostLimiter } from './host-limiter';
import { fetchForPoll, storePoll, type PollDeps, type PollResult } from './poll-feed';
import { installedReaderGate, type ReaderGate } from './reader-gate';
import { createSemaphore } from './semaphore';
import type { StoredFeed } from '../db/types';

/** Polls whose answer is in and waits to be parsed and committed, beyond those requesting. */
const IN_HAND_BEYOND_REQUESTS = 8;

/** Dependencies of a polling run. */
export interface RunDeps extends PollDeps {
  /** Concurrent requests in all (default 6). */
  globalLimit?: number;
  /** Called after each feed's commit (badge, progress). */
  onPolled?: (result: PollResult) => void;
  /** Feeds to poll though the database does not say they are due: a "refresh now" it refused to record. */
  alsoPoll?: () => StoredFeed[];
  /** Pages reading their first screen: answers are parsed once they are done (default: the installed gate). */
  readers?: ReaderGate;
}

/**
 * Polls every active feed whose next check is due, until none is. The queue is the
 * database itself (feeds with nextCheckAt <= now), so a worker killed mid-run resumes
 * where it stopped: each feed is committed on its own, and redone only if it was in flight.
 */
export async function runDuePolls(deps: RunDeps): Promise<PollResult[]> {
  const global = deps.globalLimit ?? 6;
  const readers = deps.readers ?? installedReaderGate();
  const limiter = createHostLimiter({ perHost: 1, global });
  // Answers fetched and not yet stored are bounded (bodies can be megabytes): past this many
  // polls in hand, the next request waits for a commit rather than piling up bodies.
  const inHand = createSemaphore(global + IN_HAND_BEYOND_REQUESTS);
  const results: PollResult[] = [];
  // Polls finishing while a commit runs share the next transaction (one commit, one count update).
  const polls: PollDeps = { ...deps, commits: deps.commits ?? createCommitQueue(deps.db) };
  // id -> the nextCheckAt it had when picked: a feed due again with the same value was not
  // moved by its poll (a storage failure) and is left for the next alarm, so this ends.
  const attempted = new Map<string, number>();
  for (;;) {
    // Feeds due within a few minutes come along when they may politely go early (dueAtWake):
    // one wake instead of several.
    const now = deps.now();
    const gathered = (await dueFeeds(deps.db, now + GATHER_WINDOW_MS)).filter((f) => dueAtWake(f, now));
    const listed = [...gathered, ...(deps.alsoPoll?.() ?? [])];
    const due = [...new Map(listed.map((f) => [f.id, f])).values()].filter(
      // A feed whose failed save could only be logged is still due in the database: the log's
      // backoff keeps it from being fetched again at every alarm.
      (f) => attempted.get(f.id) !== f.nextCheckAt && (deps.saveFailures?.get(f.id)?.retryAt ?? 0) <= now,
    );
    if (due.length === 0) break;
    for (const f of due) attempted.set(f.id, f.nextCheckAt);
    await Promise.all(
      due.map((feed) =>
        inHand.run(async () => {
          // The request slot (one per host, a few in all) is held for the request only; the
          // answer is parsed and committed after it is freed. While a page reads its first
          // screen the refresh stands still but for the requests in flight: no request starts
          // (each answer costs the network service, the browser process and this worker CPU
          // on a machine the page shares) and no answer is parsed (most of the worker's CPU),
          // as no commit starts. A hold lasts maxHoldMs at most, so pages cannot stop a refresh.
          const result = await limiter
            .run(feed.url, async () => {
              const hold = readers?.clear();
              if (hold) await hold;
              return fetchForPoll(feed, polls);
            })
            .then(async (fetched) => {
              const hold = readers?.clear();
              if (hold) await hold;
              return storePoll(feed, fetched, polls);
            })
            .catch((err: unknown): PollResult => {
              // storePoll handles refused writes itself; anything else is a bug: keep going with the others.
              console.error('[orrery:poll]', feed.url, err);
              return { feedId: feed.id, status: 'storage-error' };
            });
          results.push(result);
          deps.onPolled?.(result);
        }),
      ),
    );
  }
  return results;
}

/**
 * How far a "refresh now" has got: derived from the database, so it survives restarts.
 * `unsaved` feeds were polled but the database refused their new state, so they still look
 * due: they count as done, or a full disk would keep the refresh running forever.
 */
export async function refreshProgress(db: Db, startedAt: number, total: number, unsaved = 0): Promise<{ done: number; total: number }> {
  // One index count: gone and paused feeds are never due (their next check is Infinity).
  const remaining = Math.max(0, (await countDue(db, startedAt)) - unsaved);
  return { done: Math.max(0, total - remaining), total };
}

/** Polling every due feed, politely: one request per host, a small global limit. */
import type { Db } from '../db/open-db';
import { countDue, dueFeeds } from '../db/feeds';
import { dueAtWake, GATHER_WINDOW_MS } from './due-at-wake';
import { createHostLimiter } from './host-limiter';
import { pollFeed, type PollDeps, type PollResult } from './poll-feed';

/** Dependencies of a polling run. */
export interface RunDeps extends PollDeps {
  /** Concurrent requests in all (default 6). */
  globalLimit?: number;
  /** Called after each feed's commit (badge, progress). */
  onPolled?: (result: PollResult) => void;
}

/**
 * Polls every active feed whose next check is due, until none is. The queue is the
 * database itself (feeds with nextCheckAt <= now), so a worker killed mid-run resumes
 * where it stopped: each feed is committed on its own, and redone only if it was in flight.
 */
export async function runDuePolls(deps: RunDeps): Promise<PollResult[]> {
  const limiter = createHostLimiter({ perHost: 1, global: deps.globalLimit ?? 6 });
  const results: PollResult[] = [];
  // id -> the nextCheckAt it had when picked: a feed due again with the same value was not
  // moved by its poll (a storage failure) and is left for the next alarm, so this ends.
  const attempted = new Map<string, number>();
  for (;;) {
    // Feeds due within a few minutes come along when they may politely go early (dueAtWake):
    // one wake instead of several.
    const now = deps.now();
    const due = (await dueFeeds(deps.db, now + GATHER_WINDOW_MS)).filter((f) => dueAtWake(f, now) && attempted.get(f.id) !== f.nextCheckAt);
    if (due.length === 0) break;
    for (const f of due) attempted.set(f.id, f.nextCheckAt);
    await Promise.all(
      due.map((feed) =>
        limiter.run(feed.url, async () => {
          const result = await pollFeed(feed, deps).catch((err: unknown): PollResult => {
            // Storage failures are ours, not the publisher's: keep going with the others.
            console.error('[orrery:poll]', feed.url, err);
            return { feedId: feed.id, status: 'network-error' };
          });
          results.push(result);
          deps.onPolled?.(result);
        }),
      ),
    );
  }
  return results;
}

/** How far a "refresh now" has got: derived from the database, so it survives restarts. */
export async function refreshProgress(db: Db, startedAt: number, total: number): Promise<{ done: number; total: number }> {
  // One index count: gone and paused feeds are never due (their next check is Infinity).
  const remaining = await countDue(db, startedAt);
  return { done: Math.max(0, total - remaining), total };
}

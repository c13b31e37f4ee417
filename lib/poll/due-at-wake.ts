/** Which feeds a wake polls: those due now, and those due shortly that may politely go early. */
import type { StoredFeed } from '../db/types';
import { SCHEDULE_FLOOR_MS } from './schedule';

/**
 * How far ahead of its time a feed may be polled to share a wake with others. Ten minutes:
 * simulating Planet Python's 545 feeds (`npm run bench:wakeups`), windows of 0, 5, 10 and 15 min
 * give 639, 199, 129 and 114 wake-ups a day; past 10 min the gain flattens while polls keep
 * coming earlier (a mean of 5.1 min early at 10, 8.2 at 15). Requests rise by 0.3%: most feeds
 * are checked every few hours to a day, and {@link GATHER_MAX_SHARE} keeps short intervals short.
 */
export const GATHER_WINDOW_MS = 10 * 60_000;

/**
 * A feed is never polled earlier than this share of its interval (a 1 h feed goes 3 min early
 * at most, a 24 h feed the full window): with 10%, feeds checked hourly went early at every
 * wake and an import of Planet Python asked publishers 6% more often; with 5%, 0.1%.
 */
export const GATHER_MAX_SHARE = 0.05;

/** What the rule reads of a feed. */
export type WakeFeed = Pick<StoredFeed, 'state' | 'nextCheckAt' | 'intervalMs' | 'lastFetchAt' | 'retryAfterUntil'>;

/**
 * Whether a wake at `now` polls `feed`: when it is due, or when it falls due within the gather
 * window and polling it early keeps every politeness rule: never before a server's Retry-After,
 * never within {@link SCHEDULE_FLOOR_MS} of its last check, never more than
 * {@link GATHER_MAX_SHARE} of its interval early. A feed never checked yet (interval 0) is not
 * pulled forward: an import's staggered first polls stay spread.
 */
export function dueAtWake(feed: WakeFeed, now: number, windowMs: number = GATHER_WINDOW_MS): boolean {
  if (feed.state !== 'active') return false;
  if (feed.nextCheckAt <= now) return true;
  if ((feed.retryAfterUntil ?? -Infinity) > now) return false;
  const allowance = Math.min(windowMs, Math.max(0, feed.intervalMs) * GATHER_MAX_SHARE);
  if (!(feed.nextCheckAt - now <= allowance)) return false;
  return feed.lastFetchAt === undefined || now - feed.lastFetchAt >= SCHEDULE_FLOOR_MS;
}

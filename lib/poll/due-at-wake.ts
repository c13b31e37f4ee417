/** Which feeds a wake polls: those due now, and those due shortly that may politely go early. */
import type { StoredFeed } from '../db/types';
import { SCHEDULE_FLOOR_MS } from './schedule';

/**
 * How far ahead of its time a feed may be polled to share a wake with others. Five minutes:
 * most feeds are checked every 1-24 h, so a poll at most 5 min early changes little for the
 * publisher (at the 1 h minimum interval, at most one request in eleven more; at 24 h, one in
 * 288), while it folds the feeds that fall due within a few minutes of each other into one
 * wake. `npm run bench:wakeups` shows the wake-ups of 0-15 min windows.
 */
export const GATHER_WINDOW_MS = 5 * 60_000;

/** A feed is never polled earlier than this share of its interval: a 15 min feed goes 1.5 min early at most. */
export const GATHER_MAX_SHARE = 0.1;

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

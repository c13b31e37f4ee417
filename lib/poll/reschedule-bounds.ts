/**
 * The reader changed the shortest or longest interval between checks: feeds already scheduled
 * move to honour it now, not after their next check. A lower maximum brings in every feed due
 * later than that long after its last check (as the scheduler caps every interval, backoff and
 * server hint by the maximum); a higher minimum puts off a healthy feed due sooner than that.
 * A raised maximum or lowered minimum moves nothing: each feed takes it at its next check.
 * Nothing moves a feed before a server's Retry-After, and a feed keeps its skipHours/skipDays.
 */
import type { Db } from '../db/open-db';
import type { StoredFeed } from '../db/types';
import { SCHEDULE_FLOOR_MS } from './schedule';
import { scheduleDurationText } from './schedule-duration-text';
import { scheduleSkip } from './schedule-skip';

/** The interval bounds, in ms. */
export interface IntervalBounds {
  minIntervalMs: number;
  maxIntervalMs: number;
}

/** `feed` moved into the new bounds, or undefined when it stays as it is. */
export function reboundFeed(feed: StoredFeed, before: IntervalBounds, after: IntervalBounds, now: number): StoredFeed | undefined {
  const last = feed.lastFetchAt;
  // Paused, gone (never due), synced (the service fetches it), never fetched yet (its first
  // check is set when subscribing), or on the reader's own interval: not the bounds' business.
  if (feed.state !== 'active' || feed.syncId || last === undefined || !Number.isFinite(feed.nextCheckAt) || feed.overrideMinutes !== undefined) return undefined;
  let target: number | undefined;
  let reason = '';
  const cap = last + Math.max(SCHEDULE_FLOOR_MS, after.maxIntervalMs);
  if (after.maxIntervalMs < before.maxIntervalMs && feed.nextCheckAt > cap) {
    target = cap;
    reason = `maximum interval ${scheduleDurationText(after.maxIntervalMs)}`;
  }
  const healthy = feed.errorCount === 0 && (feed.lastStatus === 'ok' || feed.lastStatus === 'not-modified');
  const floor = last + after.minIntervalMs;
  // A feed due already ("refresh now", or its time came) is left to its check.
  if (target === undefined && healthy && after.minIntervalMs > before.minIntervalMs && feed.nextCheckAt > now && feed.nextCheckAt < floor) {
    target = floor;
    reason = `minimum interval ${scheduleDurationText(after.minIntervalMs)}`;
  }
  if (target === undefined) return undefined;
  // A server's Retry-After comes first; then the feed's own hours and days off.
  if (feed.retryAfterUntil !== undefined && feed.retryAfterUntil > target) return undefined;
  const skipped = scheduleSkip(target, feed.skipHours, feed.skipDays);
  const at = skipped.at;
  if (at === feed.nextCheckAt) return undefined;
  return { ...feed, nextCheckAt: at, intervalMs: at - last, scheduleReason: skipped.movedBy ? `${reason}, then ${skipped.movedBy}` : reason };
}

/** Moves every feed the new bounds concern, in one transaction; returns the ids of those moved. */
export async function rescheduleForBounds(db: Db, before: IntervalBounds, after: IntervalBounds, now: number): Promise<string[]> {
  if (before.minIntervalMs === after.minIntervalMs && before.maxIntervalMs === after.maxIntervalMs) return [];
  const tx = db.transaction('feeds', 'readwrite');
  const moved: string[] = [];
  for (const feed of await tx.store.getAll()) {
    const next = reboundFeed(feed, before, after, now);
    if (!next) continue;
    moved.push(feed.id);
    void tx.store.put(next);
  }
  await tx.done;
  return moved;
}

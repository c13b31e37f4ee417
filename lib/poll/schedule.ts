import { parseCacheControlMaxAge, parseExpires } from './http-cache-headers';
import { parseRetryAfter } from './retry-after';
import { scheduleBackoff } from './schedule-backoff';
import { scheduleCadence } from './schedule-cadence';
import { scheduleDurationText } from './schedule-duration-text';
import { scheduleSkip } from './schedule-skip';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** No feed is ever checked sooner than this after a check, whatever the input says. */
export const SCHEDULE_FLOOR_MS = 15 * MINUTE;
/** Default lower bound of the adaptive interval. */
export const DEFAULT_MIN_INTERVAL_MS = HOUR;
/** Default upper bound of the adaptive interval and of error backoff. */
export const DEFAULT_MAX_INTERVAL_MS = DAY;
/** The longest Retry-After we honour; beyond it a server is more likely wrong than serious. */
export const RETRY_AFTER_CAP_MS = 7 * DAY;
/** Checks per typical gap between posts: a feed posting daily is checked every 8 h. */
export const CHECKS_PER_POST_GAP = 3;

/** What happened on the last check of a feed. */
export type ScheduleOutcome = 'ok' | 'not-modified' | 'error' | 'rate-limited' | 'gone';

/** Everything the scheduler needs to know about a feed and its last response. */
export interface ScheduleInput {
  now: number;
  outcome: ScheduleOutcome;
  status?: number;
  headers?: {
    cacheControl?: string | null;
    expires?: string | null;
    retryAfter?: string | null;
    date?: string | null;
  };
  /** Consecutive errors including this outcome. */
  errorCount: number;
  /** Published (or first-seen) times of the feed's recent posts, epoch ms. */
  postTimes: readonly number[];
  ttlMinutes?: number;
  /** RSS skipHours, UTC hours 0-23. */
  skipHours?: readonly number[];
  /** RSS skipDays, 'Monday'..'Sunday'. */
  skipDays?: readonly string[];
  /** The user's per-feed interval; replaces the adaptive one (never below 15 min). */
  overrideMinutes?: number;
  minIntervalMs?: number;
  maxIntervalMs?: number;
  /** 0 ≤ r < 1. The I/O shell passes Math.random; without it there is no jitter. */
  random?: () => number;
}

/** When to check a feed next, and why, in words a user can read. */
export interface ScheduleDecision {
  /** Epoch ms; Infinity for never. */
  at: number;
  /** `at - now`. */
  intervalMs: number;
  reason: string;
}

/**
 * When to check a feed next. Pure: the caller supplies the clock and the randomness.
 * The interval starts from the user's override or the feed's posting rhythm, is raised by the
 * feed's ttl and (on success) the response's freshness lifetime, is replaced by exponential
 * backoff on errors, never comes before a 429/503 Retry-After, and finally leaves the feed's
 * skipHours/skipDays. The reason names whichever rule decided.
 */
export function nextCheckAt(input: ScheduleInput): ScheduleDecision {
  const { now, outcome } = input;
  if (outcome === 'gone') return { at: Infinity, intervalMs: Infinity, reason: 'gone: never' };

  const minMs = Math.max(SCHEDULE_FLOOR_MS, finiteOr(input.minIntervalMs, DEFAULT_MIN_INTERVAL_MS));
  const maxMs = Math.max(minMs, finiteOr(input.maxIntervalMs, DEFAULT_MAX_INTERVAL_MS));
  const random = input.random ?? (() => 0.5);

  let { intervalMs, reason } = baseInterval(input, minMs, maxMs);

  // A max(), never a min(): hints may only slow us down, and are capped so that one absurd
  // header cannot silence a feed for a year.
  const raise = (ms: number | undefined, why: string): void => {
    if (ms === undefined) return;
    const raised = Math.min(ms, maxMs);
    if (raised > intervalMs) {
      intervalMs = raised;
      reason = why;
    }
  };

  const ttl = input.ttlMinutes;
  if (ttl !== undefined && Number.isFinite(ttl) && ttl > 0) raise(ttl * MINUTE, `ttl ${ttl} min`);

  const failed = outcome === 'error' || outcome === 'rate-limited';
  if (failed) {
    const n = Math.max(1, Math.floor(finiteOr(input.errorCount, 1)));
    // Backoff starts from the feed's normal interval; an override above the max is kept.
    intervalMs = scheduleBackoff(intervalMs, n, Math.max(maxMs, intervalMs), random);
    reason = `backoff after ${n} ${n === 1 ? 'error' : 'errors'}`;
  } else {
    const headers = input.headers ?? {};
    const maxAge = parseCacheControlMaxAge(headers.cacheControl);
    if (maxAge !== undefined) {
      raise(maxAge, `Cache-Control max-age ${scheduleDurationText(maxAge)}`);
    } else {
      // RFC 9111 §5.3: max-age, when present, overrides Expires.
      const staleAt = parseExpires(headers.expires, headers.date, now);
      if (staleAt !== undefined) raise(staleAt - now, `Expires in ${scheduleDurationText(staleAt - now)}`);
    }
  }

  if (intervalMs < SCHEDULE_FLOOR_MS) {
    intervalMs = SCHEDULE_FLOOR_MS;
    reason = `floor ${scheduleDurationText(SCHEDULE_FLOOR_MS)}`;
  }
  let at = now + intervalMs;

  if (failed && (outcome === 'rate-limited' || input.status === 429 || input.status === 503)) {
    const retryAt = parseRetryAfter(input.headers?.retryAfter, now, input.headers?.date);
    if (retryAt !== undefined) {
      const floor = Math.min(retryAt, now + RETRY_AFTER_CAP_MS);
      if (floor > at) {
        at = floor;
        const asked = `Retry-After ${Math.round((retryAt - now) / 1000)} s`;
        reason = retryAt > floor ? `${asked}, capped at ${scheduleDurationText(RETRY_AFTER_CAP_MS)}` : asked;
      }
    }
  }

  const skipped = scheduleSkip(at, input.skipHours, input.skipDays);
  if (skipped.movedBy) {
    at = skipped.at;
    reason = skipped.movedBy;
  }
  return { at, intervalMs: at - now, reason };
}

function baseInterval(
  input: ScheduleInput,
  minMs: number,
  maxMs: number,
): { intervalMs: number; reason: string } {
  const override = input.overrideMinutes;
  if (override !== undefined && Number.isFinite(override) && override > 0) {
    // The user's choice is not clamped to the adaptive bounds, only to the hard floor.
    const intervalMs = Math.max(SCHEDULE_FLOOR_MS, override * MINUTE);
    return { intervalMs, reason: `override ${scheduleDurationText(intervalMs)}` };
  }
  const cadence = scheduleCadence(input.postTimes, input.now);
  if (cadence === undefined) return { intervalMs: maxMs, reason: 'no recent posts' };
  const intervalMs = Math.min(maxMs, Math.max(minMs, cadence / CHECKS_PER_POST_GAP));
  // Posts that all share one time (first poll of an undated feed) say nothing about rhythm yet.
  const rhythm = cadence < MINUTE ? 'many posts at once' : `posts about every ${scheduleDurationText(cadence)}`;
  return { intervalMs, reason: rhythm };
}

function finiteOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

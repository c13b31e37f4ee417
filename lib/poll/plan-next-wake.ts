/** When the background worker should next wake to poll: the earliest due feed, not a fixed tick. */

const MINUTE = 60_000;

/**
 * The shortest time between two wakes. It is also how long a feed that is still due right
 * after a run (its poll could not be stored) waits before it is tried again: never more often
 * than the one-minute alarm Orrery had before, whatever goes wrong.
 */
export const MIN_WAKE_GAP_MS = MINUTE;

/**
 * The period of the wake alarm after it fired: a wake that did not plan the next one (the worker
 * stopped mid-run) is retried this often. Every wake plans anew, so it costs nothing otherwise.
 */
export const WAKE_SAFETY_NET_MINUTES = 60;

/** The settings the plan obeys. */
export interface WakeSettings {
  /** The longest interval between checks of a feed (the user's setting). */
  maxIntervalMs: number;
}

/**
 * The instant of the next wake, or undefined when no feed will ever be due (nothing to wake for).
 * The earliest due time, but never sooner than {@link MIN_WAKE_GAP_MS} from now, and never later
 * than the longest interval from now: a next check dated far away (a wrong clock, a long
 * Retry-After, skipDays) still gets a look at least that often. Pure: `now` is the caller's.
 */
export function planNextWake(dueTimes: Iterable<number>, now: number, settings: WakeSettings): number | undefined {
  let earliest = Infinity;
  for (const t of dueTimes) if (t < earliest) earliest = t;
  // NaN never compares below Infinity: a broken record cannot plan a wake in the past.
  if (earliest === Infinity) return undefined;
  const cap = Number.isFinite(settings.maxIntervalMs) && settings.maxIntervalMs > MIN_WAKE_GAP_MS ? settings.maxIntervalMs : MIN_WAKE_GAP_MS;
  return Math.min(Math.max(earliest, now + MIN_WAKE_GAP_MS), now + cap);
}

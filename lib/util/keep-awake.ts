/**
 * A service worker that receives no event for 30 s is stopped by Chrome, whatever IndexedDB
 * work it awaits: the v6 upgrade (Chromium building the river's index over every post) and
 * the backfill after it can outlast that on a large store. An extension API call counts as
 * activity, so one every `everyMs` keeps the worker up until the work settles.
 */

/** Settles as `work` does; meanwhile calls `ping` every `everyMs` (its failures are ignored). */
export function keepAwakeWhile<T>(work: Promise<T>, ping: () => Promise<unknown>, everyMs = 20_000): Promise<T> {
  const timer = setInterval(() => void ping().catch(() => undefined), everyMs);
  return work.finally(() => clearInterval(timer));
}

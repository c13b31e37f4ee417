/** How far (as a fraction) error backoff is jittered either way. */
export const BACKOFF_JITTER = 0.15;

/**
 * The wait after `errorCount` consecutive errors: `baseMs * 2^(errorCount-1)`, capped at
 * `capMs`, jittered by ±{@link BACKOFF_JITTER} with `random` (0 ≤ r < 1) so that feeds that
 * failed together (a network outage) do not all retry in the same minute.
 */
export function scheduleBackoff(
  baseMs: number,
  errorCount: number,
  capMs: number,
  random: () => number,
): number {
  const n = Math.max(1, Math.floor(errorCount));
  // 2^(n-1) overflows to Infinity for absurd counts; Math.min still yields the cap.
  const exponential = Math.min(capMs, baseMs * 2 ** (n - 1));
  const raw = random();
  // A broken random source must not break scheduling; it just loses the jitter.
  const r = Number.isFinite(raw) ? Math.min(Math.max(raw, 0), 1) : 0.5;
  const jittered = exponential * (1 + (2 * r - 1) * BACKOFF_JITTER);
  // Reflect off the cap rather than clipping to it, so capped feeds stay spread out.
  return jittered > capMs ? 2 * capMs - jittered : jittered;
}

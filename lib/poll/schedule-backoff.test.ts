import { describe, expect, it } from 'vitest';
import { scheduleBackoff } from './schedule-backoff';

const H = 3_600_000;
const D = 24 * H;
const mid = () => 0.5;

describe('scheduleBackoff', () => {
  it.each<[string, number, number, number, () => number, number]>([
    ['first error: the base', H, 1, D, mid, H],
    ['doubles per error', H, 2, D, mid, 2 * H],
    ['fifth error', H, 5, D, mid, 16 * H],
    ['capped', H, 6, D, mid, D],
    ['huge counts stay capped', H, 1e6, D, mid, D],
    ['count below 1 is 1', H, -3, D, mid, H],
    ['fractional count is floored', H, 2.9, D, mid, 2 * H],
    ['jitter down', 10 * H, 1, D, () => 0, 8.5 * H],
    ['jitter up', 10 * H, 1, D, () => 1, 11.5 * H],
    ['jitter above the cap is reflected under it', D, 1, D, () => 1, 0.85 * D],
    ['random out of range is clamped', 10 * H, 1, D, () => -4, 8.5 * H],
    ['random NaN means no jitter', 10 * H, 1, D, () => Number.NaN, 10 * H],
  ])('%s', (_name, base, n, cap, random, expected) => {
    expect(scheduleBackoff(base, n, cap, random)).toBeCloseTo(expected, 3);
  });
});

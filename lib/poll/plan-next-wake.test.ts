import { describe, expect, it } from 'vitest';
import { MIN_WAKE_GAP_MS, planNextWake } from './plan-next-wake';

const MIN = 60_000;
const H = 60 * MIN;
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const DAY = { maxIntervalMs: 24 * H };

describe('planNextWake', () => {
  it.each<[string, number[], number | undefined]>([
    ['no feeds: no wake', [], undefined],
    ['only feeds never due again (gone): no wake', [Infinity, Infinity], undefined],
    ['the earliest due time, in any order', [NOW + 3 * H, NOW + 20 * MIN, NOW + 2 * H], NOW + 20 * MIN],
    ['gone feeds do not hide the others', [Infinity, NOW + 2 * H], NOW + 2 * H],
    ['due in 10 s: not before a minute', [NOW + 10_000], NOW + MIN_WAKE_GAP_MS],
    ['still due after a run (a write failed): a minute later, not at once', [NOW - 5 * MIN, NOW + H], NOW + MIN_WAKE_GAP_MS],
    ['due in two days (Retry-After): within the longest interval', [NOW + 48 * H], NOW + 24 * H],
    ['a NaN due time is ignored', [Number.NaN, NOW + H], NOW + H],
  ])('%s', (_name, due, expected) => {
    expect(planNextWake(due, NOW, DAY)).toBe(expected);
  });

  it('caps by the user’s longest interval', () => {
    expect(planNextWake([NOW + 10 * H], NOW, { maxIntervalMs: 2 * H })).toBe(NOW + 2 * H);
  });

  it('a nonsense longest interval still leaves a minute between wakes', () => {
    expect(planNextWake([NOW + 10 * H], NOW, { maxIntervalMs: Number.NaN })).toBe(NOW + MIN_WAKE_GAP_MS);
    expect(planNextWake([NOW + 10 * H], NOW, { maxIntervalMs: 0 })).toBe(NOW + MIN_WAKE_GAP_MS);
  });

  it('takes any iterable (a generator over feeds)', () => {
    function* times() {
      yield NOW + 5 * H;
      yield NOW + 4 * H;
    }
    expect(planNextWake(times(), NOW, DAY)).toBe(NOW + 4 * H);
  });
});

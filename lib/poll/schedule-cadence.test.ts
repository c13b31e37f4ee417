import { describe, expect, it } from 'vitest';
import { scheduleCadence } from './schedule-cadence';

const H = 3_600_000;
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

describe('scheduleCadence', () => {
  it.each<[string, number[], number | undefined]>([
    ['no posts', [], undefined],
    ['only invalid times', [Number.NaN, Infinity], undefined],
    ['one post a day ago', [NOW - 24 * H], 24 * H],
    ['posts every 2 h', [NOW - 2 * H, NOW - 4 * H, NOW - 6 * H], 2 * H],
    ['order does not matter', [NOW - 6 * H, NOW - 2 * H, NOW - 4 * H], 2 * H],
    ['a batch sharing one time is not a zero gap', [NOW - 10 * H, NOW - 10 * H, NOW - 10 * H, NOW - 10 * H, NOW - 10 * H], 2 * H],
    ['silence since the last post stretches the cadence', [NOW - 100 * H, NOW - 101 * H], 50.5 * H],
    ['only the newest 10 count', [...Array.from({ length: 10 }, (_, i) => NOW - (i + 1) * H), NOW - 1000 * H], H],
    ['slight future skew counts as now', [NOW + H, NOW - 2 * H], H],
    ['dates far in the future are dropped', [NOW + 48 * H, NOW - 2 * H], 2 * H],
  ])('%s', (_name, times, expected) => {
    expect(scheduleCadence(times, NOW)).toBe(expected);
  });
});

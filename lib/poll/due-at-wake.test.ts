import { describe, expect, it } from 'vitest';
import { dueAtWake, GATHER_WINDOW_MS, type WakeFeed } from './due-at-wake';

const MIN = 60_000;
const H = 60 * MIN;
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

const feed = (over: Partial<WakeFeed>): WakeFeed => ({ state: 'active', nextCheckAt: NOW, intervalMs: 4 * H, lastFetchAt: NOW - 4 * H, ...over });

describe('dueAtWake', () => {
  it.each<[string, Partial<WakeFeed>, boolean]>([
    ['due now', {}, true],
    ['overdue', { nextCheckAt: NOW - H }, true],
    ['due in 9 min, checked every 4 h: goes early', { nextCheckAt: NOW + 9 * MIN }, true],
    ['due at the window’s edge', { nextCheckAt: NOW + GATHER_WINDOW_MS }, true],
    ['due just past the window', { nextCheckAt: NOW + GATHER_WINDOW_MS + 1 }, false],
    ['due in an hour', { nextCheckAt: NOW + H }, false],
    ['gone', { state: 'gone', nextCheckAt: NOW - H }, false],
    ['paused', { state: 'paused', nextCheckAt: NOW - H }, false],
    ['before its Retry-After: never early', { nextCheckAt: NOW + 2 * MIN, retryAfterUntil: NOW + 2 * MIN }, false],
    ['Retry-After passed', { nextCheckAt: NOW, retryAfterUntil: NOW }, true],
    ['checked every 40 min: at most 2 min early', { nextCheckAt: NOW + 3 * MIN, intervalMs: 40 * MIN, lastFetchAt: NOW - 37 * MIN }, false],
    ['checked every 40 min, due in 2 min', { nextCheckAt: NOW + 2 * MIN, intervalMs: 40 * MIN, lastFetchAt: NOW - 38 * MIN }, true],
    ['early would come within 15 min of the last check', { nextCheckAt: NOW + MIN, intervalMs: 60 * MIN, lastFetchAt: NOW - 14 * MIN }, false],
    ['checked every 2 h: 6 min early at most', { nextCheckAt: NOW + 7 * MIN, intervalMs: 2 * H, lastFetchAt: NOW - 2 * H }, false],
    ['never checked (an import’s staggered first poll): not pulled forward', { nextCheckAt: NOW + MIN, intervalMs: 0, lastFetchAt: undefined }, false],
    ['never checked, due: polled', { nextCheckAt: NOW, intervalMs: 0, lastFetchAt: undefined }, true],
    ['a NaN due time is never polled early', { nextCheckAt: Number.NaN }, false],
  ])('%s', (_name, over, expected) => {
    expect(dueAtWake(feed(over), NOW)).toBe(expected);
  });

  it('a window of 0 polls only what is due', () => {
    expect(dueAtWake(feed({ nextCheckAt: NOW + 1 }), NOW, 0)).toBe(false);
    expect(dueAtWake(feed({ nextCheckAt: NOW }), NOW, 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { scheduleDurationText } from './schedule-duration-text';

describe('scheduleDurationText', () => {
  it.each<[number, string]>([
    [0, '0 s'],
    [45_000, '45 s'],
    [119_000, '119 s'],
    [120_000, '2 min'],
    [90 * 60_000, '90 min'],
    [2 * 3_600_000, '2 h'],
    [24 * 3_600_000, '24 h'],
    [47 * 3_600_000, '47 h'],
    [48 * 3_600_000, '2 d'],
    [7 * 86_400_000, '7 d'],
    [-30_000, '-30 s'],
    [Infinity, 'never'],
  ])('%d ms -> %s', (ms, text) => {
    expect(scheduleDurationText(ms)).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { STAGGER_IMMEDIATE, staggerFirstPolls } from './stagger';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

describe('staggerFirstPolls', () => {
  it.each<[string, number, number, number[]]>([
    ['nothing to import', 0, 60_000, []],
    ['negative count', -3, 60_000, []],
    ['NaN count', Number.NaN, 60_000, []],
    ['a few feeds all go now', 3, 60_000, [NOW, NOW, NOW]],
    ['the rest in the middle of their slots', 6, 60_000, [NOW, NOW, NOW, NOW, NOW + 15_000, NOW + 45_000]],
    ['no spread: all now', 6, 0, [NOW, NOW, NOW, NOW, NOW, NOW]],
    ['negative spread: all now', 5, -1, [NOW, NOW, NOW, NOW, NOW]],
  ])('%s', (_name, count, spread, expected) => {
    expect(staggerFirstPolls(count, NOW, spread)).toEqual(expected);
  });

  it.each<[string, () => number]>([
    ['Math.random', Math.random],
    ['always 0', () => 0],
    ['always 1 (out of range)', () => 1],
    ['NaN', () => Number.NaN],
  ])('spreads 500 feeds in order within the window: %s', (_name, random) => {
    const spread = 500 * 2_000;
    const times = staggerFirstPolls(500, NOW, spread, random);
    expect(times).toHaveLength(500);
    expect(times.slice(0, STAGGER_IMMEDIATE).every((t) => t === NOW)).toBe(true);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1] ?? 0);
    expect(Math.max(...times)).toBeLessThan(NOW + spread);
    // No minute of the window holds more than its share (plus the immediate ones).
    const perMinute = new Map<number, number>();
    for (const t of times) perMinute.set(Math.floor((t - NOW) / 60_000), (perMinute.get(Math.floor((t - NOW) / 60_000)) ?? 0) + 1);
    expect(Math.max(...Array.from(perMinute.values()))).toBeLessThanOrEqual(31 + STAGGER_IMMEDIATE);
  });
});

import { describe, expect, it } from 'vitest';
import { heightOf, pageAt, windowAround } from './river-window';

describe('river window', () => {
  it('finds the page under an offset', () => {
    const h = [100, 50, 200];
    expect(pageAt(h, 0)).toBe(0);
    expect(pageAt(h, 99)).toBe(0);
    expect(pageAt(h, 100)).toBe(1);
    expect(pageAt(h, 349)).toBe(2);
    expect(pageAt(h, 10_000)).toBe(2);
    expect(pageAt([], 10)).toBe(0);
  });

  it('keeps at most max pages, centred on the focus, clamped at both ends', () => {
    expect(windowAround(0, 3, 5)).toEqual({ lo: 0, hi: 2 });
    expect(windowAround(10, 100, 5)).toEqual({ lo: 8, hi: 12 });
    expect(windowAround(1, 100, 5)).toEqual({ lo: 0, hi: 4 });
    expect(windowAround(99, 100, 5)).toEqual({ lo: 95, hi: 99 });
    expect(windowAround(0, 0, 5)).toEqual({ lo: 0, hi: -1 });
  });

  it('sums the heights the spacers stand for', () => {
    expect(heightOf([10, 20, 30, 40], 1, 3)).toBe(50);
    expect(heightOf([10, 20], 0, 0)).toBe(0);
    expect(heightOf([10, 20], -1, 9)).toBe(30);
  });
});

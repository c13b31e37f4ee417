import { describe, expect, it } from 'vitest';
import { heightOf, pageAt, stepWindow, windowAround, type PageWindow } from './river-window';

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

  it('steps toward the wanted window one entering page at a time', () => {
    // Scrolling on: one page enters below, one leaves above.
    expect(stepWindow({ lo: 0, hi: 4 }, { lo: 1, hi: 5 }, 5)).toEqual({ lo: 1, hi: 5 });
    expect(stepWindow({ lo: 5, hi: 9 }, { lo: 4, hi: 8 }, 5)).toEqual({ lo: 4, hi: 8 });
    // From one page (after a jump) the window grows below first, then above.
    const steps: PageWindow[] = [];
    for (let w: PageWindow = { lo: 7, hi: 7 }; w.lo !== 5 || w.hi !== 9; ) steps.push((w = stepWindow(w, { lo: 5, hi: 9 }, 5)));
    expect(steps).toEqual([
      { lo: 7, hi: 8 },
      { lo: 7, hi: 9 },
      { lo: 6, hi: 9 },
      { lo: 5, hi: 9 },
    ]);
    // Pages only leaving: at once.
    expect(stepWindow({ lo: 0, hi: 4 }, { lo: 0, hi: 2 }, 5)).toEqual({ lo: 0, hi: 2 });
    // Never more than max pages.
    expect(stepWindow({ lo: 0, hi: 4 }, { lo: 0, hi: 9 }, 5)).toEqual({ lo: 1, hi: 5 });
    expect(stepWindow({ lo: 0, hi: -1 }, { lo: 0, hi: 0 }, 5)).toEqual({ lo: 0, hi: 0 });
  });
});

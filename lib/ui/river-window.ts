/**
 * Windowed rendering of a long river: posts are read in pages; only a few consecutive pages
 * are in the DOM, and every other page is replaced by empty space of its measured height,
 * so the scroll bar and the reading position stay where they were.
 */

/** Inclusive range of page indexes in the DOM. */
export interface PageWindow {
  lo: number;
  hi: number;
}

/** The page that contains vertical offset `y` (px from the river's top), given every page's height. */
export function pageAt(heights: readonly number[], y: number): number {
  let top = 0;
  for (let i = 0; i < heights.length; i++) {
    top += heights[i] ?? 0;
    if (y < top) return i;
  }
  return Math.max(0, heights.length - 1);
}

/** `max` consecutive pages centred on `focus`, within [0, count). */
export function windowAround(focus: number, count: number, max: number): PageWindow {
  if (count <= 0) return { lo: 0, hi: -1 };
  const span = Math.min(max, count);
  const lo = Math.min(Math.max(0, focus - Math.floor((span - 1) / 2)), count - span);
  return { lo, hi: lo + span - 1 };
}

/** Sum of the heights of pages [from, to). */
export function heightOf(heights: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let i = Math.max(0, from); i < Math.min(to, heights.length); i++) sum += heights[i] ?? 0;
  return sum;
}

/**
 * The next window on the way from `cur` to `want`, when the reader's page is in `cur`: at
 * most one page enters per step, at an edge (it is then rendered a slice at a time), and
 * pages outside `want` leave. Several pages entering at once rendered every post of them in
 * one task (hundreds of milliseconds in the full view of Planet-sized posts).
 */
export function stepWindow(cur: PageWindow, want: PageWindow, max: number): PageWindow {
  if (cur.hi < cur.lo) return want;
  if (want.hi > cur.hi) {
    const hi = cur.hi + 1;
    return { lo: Math.max(want.lo, cur.lo, hi - max + 1), hi };
  }
  if (want.lo < cur.lo) {
    const lo = cur.lo - 1;
    return { lo, hi: Math.min(want.hi, cur.hi, lo + max - 1) };
  }
  return want;
}

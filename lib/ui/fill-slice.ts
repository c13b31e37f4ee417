/** How much of a page entering the river's window one idle period renders. */

/** Posts one slice renders at most. */
export const FILL_STEP = 8;
/**
 * Feed HTML one slice renders at most (sanitizing it and laying it out is the slice's cost):
 * eight posts of a few paragraphs (seeded benches) fit; Planet-sized full-text posts of
 * 2-16 KB do not, and eight of them made 60-80 ms tasks while scrolling the full view.
 */
export const FILL_BYTES = 12_000;

/**
 * How many of the next posts (their weights in HTML bytes, in the order they will be
 * rendered) one slice renders: as many as fit FILL_BYTES, at least one, at most FILL_STEP.
 */
export function fillSlice(weights: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const w of weights.slice(0, FILL_STEP)) {
    if (n > 0 && sum + w > FILL_BYTES) break;
    sum += w;
    n++;
  }
  return Math.max(1, n);
}

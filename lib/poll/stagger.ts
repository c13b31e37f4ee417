/** First polls that fire at once; the host limiter queues them, so a few are harmless. */
export const STAGGER_IMMEDIATE = 4;

/**
 * The first-poll times of `count` newly imported feeds: the first {@link STAGGER_IMMEDIATE}
 * now, the rest spread evenly over `spreadMs`, each at a random point of its own slot, so a
 * 500-feed OPML import does not wake 500 fetches in one alarm. Times ascend with the index.
 * Without `random`, each feed takes the middle of its slot.
 */
export function staggerFirstPolls(
  count: number,
  now: number,
  spreadMs: number,
  random: () => number = () => 0.5,
): number[] {
  const n = Number.isFinite(count) ? Math.max(0, Math.floor(count)) : 0;
  const spread = Number.isFinite(spreadMs) && spreadMs > 0 ? spreadMs : 0;
  const later = n - STAGGER_IMMEDIATE;
  const slot = later > 0 ? spread / later : 0;
  return Array.from({ length: n }, (_, i) => {
    if (i < STAGGER_IMMEDIATE) return now;
    const raw = random();
    // Keep a bad random source inside the slot, so times still ascend and stay in the spread.
    const r = Number.isFinite(raw) ? Math.min(Math.max(raw, 0), 0.999) : 0.5;
    return Math.round(now + (i - STAGGER_IMMEDIATE + r) * slot);
  });
}

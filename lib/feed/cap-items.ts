import type { ParsedItem } from './types.ts';

/**
 * At most `max` items, the newest kept (by published, else updated), in their original order.
 * Undated items rank below dated ones, and among themselves by position, so a feed without
 * dates keeps its first `max` items.
 */
export function capItems(items: ParsedItem[], max: number): ParsedItem[] {
  if (items.length <= max) return items;
  const ranked = items
    .map((item, index) => ({ index, t: item.published ?? item.updated ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => (b.t === a.t ? a.index - b.index : b.t - a.t))
    .slice(0, Math.max(0, max))
    .map((r) => r.index)
    .sort((a, b) => a - b);
  return ranked.map((i) => items[i] as ParsedItem);
}

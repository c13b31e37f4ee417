/**
 * At most `max` of `items`, the newest kept (by `dateOf`), in their original order. Undated
 * items rank below dated ones and among themselves by position, so a feed without dates keeps
 * its first `max`. Generic so parsers can cap raw elements before doing the costly per-item work.
 */
export function capItems<T>(items: T[], max: number, dateOf: (item: T) => number | undefined): T[] {
  if (items.length <= max) return items;
  const ranked = items
    .map((item, index) => ({ index, t: dateOf(item) ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => (b.t === a.t ? a.index - b.index : b.t - a.t))
    .slice(0, Math.max(0, max))
    .map((r) => r.index)
    .sort((a, b) => a - b);
  return ranked.map((i) => items[i] as T);
}

/** How often a feed posts, from the dates of its posts. */

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** Posts per week and the same in words. */
export interface Cadence {
  postsPerWeek?: number;
  label: string;
}

/**
 * The cadence of the newest posts (up to 20): their count over the span from the oldest of them
 * to now, so a feed that stopped a year ago reads as "rarely", not as its old daily rhythm.
 */
export function postingCadence(times: number[], now: number): Cadence {
  const sorted = times.filter((t) => Number.isFinite(t) && t <= now + DAY).sort((a, b) => b - a).slice(0, 20);
  const newest = sorted[0];
  const oldest = sorted[sorted.length - 1];
  if (newest === undefined || oldest === undefined || sorted.length < 2) {
    return { label: sorted.length === 1 ? 'only one dated post' : 'no dated posts' };
  }
  const span = Math.max(now - oldest, DAY);
  const perWeek = (sorted.length - 1) / (span / WEEK);
  return { postsPerWeek: Math.round(perWeek * 100) / 100, label: cadenceLabel(perWeek) };
}

/** "about 3 posts a day", "about 2 posts a week", "about 1 post a month", "rarely". */
export function cadenceLabel(perWeek: number): string {
  if (perWeek >= 7) return `about ${Math.round(perWeek / 7)} post${Math.round(perWeek / 7) === 1 ? '' : 's'} a day`;
  if (perWeek >= 1) return `about ${Math.round(perWeek)} post${Math.round(perWeek) === 1 ? '' : 's'} a week`;
  const perMonth = (perWeek * 30.44) / 7;
  if (perMonth >= 0.75) return `about ${Math.round(perMonth)} post${Math.round(perMonth) === 1 ? '' : 's'} a month`;
  return perMonth * 12 >= 1 ? `about ${Math.round(perMonth * 12)} posts a year` : 'rarely';
}

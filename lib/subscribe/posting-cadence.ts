/** How often a feed posts, from the dates of its posts. */

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** Posts per week and the same in words. */
export interface Cadence {
  postsPerWeek?: number;
  label: string;
}

/**
 * The rhythm of the newest posts (up to 20), from the oldest of them to the newest; a feed that
 * has been silent for much longer than that rhythm says so ("…, silent for 6 months"), so a blog
 * that stopped is not mistaken for a live one, nor its past rhythm lost.
 */
export function postingCadence(times: number[], now: number): Cadence {
  const sorted = times.filter((t) => Number.isFinite(t) && t <= now + DAY).sort((a, b) => b - a).slice(0, 20);
  const newest = sorted[0];
  const oldest = sorted[sorted.length - 1];
  if (newest === undefined || oldest === undefined || sorted.length < 2) {
    return { label: sorted.length === 1 ? 'only one dated post' : 'no dated posts' };
  }
  const span = Math.max(newest - oldest, DAY);
  const perWeek = (sorted.length - 1) / (span / WEEK);
  const quiet = now - newest;
  const meanGap = span / (sorted.length - 1);
  const label = cadenceLabel(perWeek);
  const silent = quiet > Math.max(30 * DAY, 4 * meanGap) ? `, silent for ${silence(quiet)}` : '';
  return { postsPerWeek: Math.round(perWeek * 100) / 100, label: `${label}${silent}` };
}

function silence(ms: number): string {
  const days = ms / DAY;
  if (days < 60) return `${Math.round(days / 7)} weeks`;
  if (days < 365) return `${Math.round(days / 30.44)} months`;
  const years = Math.round(days / 365.25);
  return `${years} year${years === 1 ? '' : 's'}`;
}

/** "about 3 posts a day", "about 2 posts a week", "about 1 post a month", "rarely". */
export function cadenceLabel(perWeek: number): string {
  if (perWeek >= 6.95) return `about ${Math.round(perWeek / 7)} post${Math.round(perWeek / 7) === 1 ? '' : 's'} a day`;
  if (perWeek >= 1) return `about ${Math.round(perWeek)} post${Math.round(perWeek) === 1 ? '' : 's'} a week`;
  const perMonth = (perWeek * 30.44) / 7;
  if (perMonth >= 0.75) return `about ${Math.round(perMonth)} post${Math.round(perMonth) === 1 ? '' : 's'} a month`;
  return perMonth * 12 >= 1 ? `about ${Math.round(perMonth * 12)} posts a year` : 'rarely';
}

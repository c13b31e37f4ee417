/** How often a feed posts, from the dates of its posts. */
import { t, tn } from '../i18n/t';

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
    return { label: sorted.length === 1 ? t('worker_cadenceOneDated') : t('worker_cadenceNoDated') };
  }
  const span = Math.max(newest - oldest, DAY);
  const perWeek = (sorted.length - 1) / (span / WEEK);
  const quiet = now - newest;
  const meanGap = span / (sorted.length - 1);
  const label = cadenceLabel(perWeek);
  const silent = quiet > Math.max(30 * DAY, 4 * meanGap);
  return { postsPerWeek: Math.round(perWeek * 100) / 100, label: silent ? t('worker_cadenceSilent', { cadence: label, silence: silence(quiet) }) : label };
}

function silence(ms: number): string {
  const days = ms / DAY;
  if (days < 60) return tn('worker_weeks', Math.round(days / 7));
  if (days < 365) return tn('worker_months', Math.round(days / 30.44));
  return tn('worker_years', Math.round(days / 365.25));
}

/** "about 3 posts a day", "about 2 posts a week", "about 1 post a month", "rarely". */
export function cadenceLabel(perWeek: number): string {
  if (perWeek >= 6.95) return tn('worker_perDay', Math.round(perWeek / 7));
  if (perWeek >= 1) return tn('worker_perWeek', Math.round(perWeek));
  const perMonth = (perWeek * 30.44) / 7;
  if (perMonth >= 0.75) return tn('worker_perMonth', Math.round(perMonth));
  return perMonth * 12 >= 1 ? tn('worker_perYear', Math.round(perMonth * 12)) : t('worker_rarely');
}

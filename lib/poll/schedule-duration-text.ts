const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A short duration for schedule reasons: "45 s", "90 min", "6 h", "3 d". Each unit is used up to
 * twice the next one, so "90 min" stays exact instead of rounding to "2 h".
 */
export function scheduleDurationText(ms: number): string {
  if (!Number.isFinite(ms)) return 'never';
  const abs = Math.abs(ms);
  if (abs < 2 * MINUTE) return `${Math.round(ms / SECOND)} s`;
  if (abs < 2 * HOUR) return `${Math.round(ms / MINUTE)} min`;
  if (abs < 2 * DAY) return `${Math.round(ms / HOUR)} h`;
  return `${Math.round(ms / DAY)} d`;
}

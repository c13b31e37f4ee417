import { t, type MessageKey } from '../i18n/t';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The unit a duration reads in and its count: each unit is used up to twice the next one. */
function unitOf(ms: number): [number, 's' | 'min' | 'h' | 'd'] {
  const abs = Math.abs(ms);
  if (abs < 2 * MINUTE) return [Math.round(ms / SECOND), 's'];
  if (abs < 2 * HOUR) return [Math.round(ms / MINUTE), 'min'];
  if (abs < 2 * DAY) return [Math.round(ms / HOUR), 'h'];
  return [Math.round(ms / DAY), 'd'];
}

/**
 * A short duration for schedule reasons (a diagnostic tooltip, kept in English like the HTTP
 * headers it quotes): "45 s", "90 min", "6 h", "3 d". Each unit is used up to twice the next
 * one, so "90 min" stays exact instead of rounding to "2 h".
 */
export function scheduleDurationText(ms: number): string {
  if (!Number.isFinite(ms)) return 'never';
  const [n, unit] = unitOf(ms);
  return `${n} ${unit}`;
}

const WORDS: Record<ReturnType<typeof unitOf>[1], MessageKey> = { s: 'worker_durationSeconds', min: 'worker_durationMinutes', h: 'worker_durationHours', d: 'worker_durationDays' };

/** The same duration for the reader, in their language ("2 h", "2 Std.", "2 h"). */
export function durationText(ms: number): string {
  const [n, unit] = unitOf(ms);
  return t(WORDS[unit], { n });
}

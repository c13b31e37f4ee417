/** Instants relative to now in the reader's language ("5 min. ago", "in 3 hr.", "now"), for the options page's tables. */
import { uiLocale } from '../../lib/i18n/ui-locale';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30.4],
  ['month', 12],
  ['year', Infinity],
];

let format: Intl.RelativeTimeFormat | undefined;

/** `ms` relative to `now`: past ("5 min. ago") or future ("in 3 hr."); under a minute is "now". */
export function relativeTime(ms: number, now: number): string {
  format ??= new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'auto', style: 'short' });
  let value = (ms - now) / 1000;
  if (Math.abs(value) < 60) return format.format(0, 'second');
  for (const [unit, next] of UNITS) {
    if (Math.abs(Math.round(value)) < next) return format.format(Math.round(value), unit);
    value /= next;
  }
  return format.format(Math.round(value), 'year');
}

let dates: Intl.DateTimeFormat | undefined;
/** A date and time in the reader's language, for tooltips and status lines. */
export function dateTimeText(ms: number): string {
  dates ??= new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' });
  return dates.format(ms);
}

/** How times read in the pages: Planet-style day headings, clock times, relative ages, in the reader's language. */
import { t } from '../i18n/t';
import { uiLocale } from '../i18n/ui-locale';

// Made on first use: the UI language is known once the extension's i18n answers.
let formats: { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat; full: Intl.DateTimeFormat; ago: Intl.RelativeTimeFormat; soon: Intl.RelativeTimeFormat } | undefined;
const units = new Map<string, Intl.NumberFormat>();

function fmt() {
  const lang = uiLocale();
  formats ??= {
    day: new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric' }),
    time: new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' }),
    full: new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'long' }),
    ago: new Intl.RelativeTimeFormat(lang, { numeric: 'always', style: 'long' }),
    // "now", "jetzt", "maintenant": a moment about to come.
    soon: new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }),
  };
  return formats;
}

/** "April 26, 2025", "26. April 2025", "26 avril 2025" in the reader's time zone. */
export function dayHeading(ms: number): string {
  return fmt().day.format(ms);
}

/** A key that is equal for instants of the same local day. */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

/** "12:05 AM", "00:05". */
export function clockTime(ms: number): string {
  return fmt().time.format(ms);
}

/** The full date and time, for a tooltip. */
export function fullTime(ms: number): string {
  return fmt().full.format(ms);
}

type Unit = 'minute' | 'hour' | 'day' | 'month' | 'year';

/** An age as a count and a unit (undefined under a minute): the unit the reader would round it to. */
function ageParts(ms: number, now: number): [number, Unit] | undefined {
  return spanParts(Math.max(0, Math.round((now - ms) / 1000)));
}

/** `s` seconds as a count and the unit the reader would round them to (undefined under a minute). */
function spanParts(s: number): [number, Unit] | undefined {
  if (s < 60) return undefined;
  const m = Math.round(s / 60);
  if (m < 60) return [m, 'minute'];
  const h = Math.round(m / 60);
  if (h < 24) return [h, 'hour'];
  const d = Math.round(h / 24);
  if (d < 31) return [d, 'day'];
  const mo = Math.round(d / 30.4);
  if (mo < 12) return [mo, 'month'];
  return [Math.round(d / 365.25), 'year'];
}

/** "just now", "5 min", "3 hr", "2 days" (short units of the reader's language). */
export function relativeAge(ms: number, now: number): string {
  const parts = ageParts(ms, now);
  if (!parts) return t('common_justNow');
  const [n, unit] = parts;
  let f = units.get(unit);
  if (!f) units.set(unit, (f = new Intl.NumberFormat(uiLocale(), { style: 'unit', unit, unitDisplay: 'short' })));
  return f.format(n);
}

/** "5 minutes ago", "vor 3 Stunden", "just now": the age a post shows next to its title. */
export function agoText(ms: number, now: number): string {
  const parts = ageParts(ms, now);
  return parts ? fmt().ago.format(-parts[0], parts[1]) : t('common_justNow');
}

/** "5 minutes ago", or "in 3 hours" for an instant still to come (a feed's next check); "just now" / "now" within a minute. */
export function relativeTime(ms: number, now: number): string {
  if (ms <= now) return agoText(ms, now);
  const parts = spanParts(Math.round((ms - now) / 1000));
  return parts ? fmt().ago.format(parts[0], parts[1]) : fmt().soon.format(0, 'second');
}

/** A media time: "4:05", "1:02:03"; "--:--" when unknown. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

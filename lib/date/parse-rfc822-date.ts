import { fractionMillis, utcInstant } from './utc-instant.ts';
import { zoneOffset } from './zone-offsets.ts';
import { looksLikeZoneName, zonedInstant } from './zoned-instant.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const CANONICAL_RE = /^(?:[A-Za-z]{3}, ?)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|UTC?|Z|[+-]\d{4})$/;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;
// RFC 850 (and cookie dates): "Tuesday, 01-Apr-25 10:00:00 GMT", day-month-year in one token.
const RFC850_DATE_RE = /^(\d{1,2})-([A-Za-z]{3,})-(\d{4}|\d{2})$/;

const fullYear = (digits: string): number => (digits.length === 4 ? Number(digits) : Number(digits) < 70 ? 2000 + Number(digits) : 1900 + Number(digits));

/**
 * Epoch ms for an RFC 822 / RFC 1123 date and the ways feeds bend it, or undefined.
 *
 * Tokens are classified rather than matched by position, so the same code reads
 * "Thu, 01 Jan 2004 19:48:21 GMT", "Fri,24 Nov 2023 …", "Thu Aug 30 2012 17:26:16 +0200",
 * asctime's "Sun Jul 15 01:16:00 +0000 2012", "13 Feb, 2012", RFC 850's "Tuesday, 01-Apr-25",
 * full month names, two-digit years, fractions of a second (milliseconds kept), missing
 * seconds/time/zone (UTC), zone abbreviations and IANA zone names ("America/Los_Angeles"). An unknown token makes the whole date invalid:
 * a guess would be worse than no date.
 */
export function parseRfc822Date(input: string): number | undefined {
  // The canonical RFC 1123 spelling (nearly every RSS date): one regex, no token classification.
  const c = CANONICAL_RE.exec(input);
  if (c) {
    const month = MONTHS.indexOf((c[2] as string).toLowerCase()) + 1;
    const zone = c[7] as string;
    const offset = zone.length === 5 ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3))) : 0;
    if (month > 0) return utcInstant(Number(c[3]), month, Number(c[1]), Number(c[4]), Number(c[5]), Number(c[6] ?? 0), 0, offset);
  }
  const tokens = input.replace(/\([^)]*\)/g, ' ').split(/[\s,]+/).filter((t) => t !== '');
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  let time: RegExpExecArray | undefined;
  let offset: number | undefined;
  let zoneName: string | undefined;
  for (const raw of tokens) {
    const token = raw.replace(/\.$/, '');
    const lower = token.toLowerCase();
    const t = TIME_RE.exec(token);
    if (t && !time) { time = t; continue; }
    const d850 = RFC850_DATE_RE.exec(token);
    if (d850 && day === undefined && month === undefined && year === undefined) {
      const mi = MONTHS.indexOf((d850[2] as string).slice(0, 3).toLowerCase());
      if (mi === -1) return undefined;
      day = Number(d850[1]);
      month = mi + 1;
      year = fullYear(d850[3] as string);
      continue;
    }
    if (/^[a-z]{3,}$/.test(lower)) {
      const mi = MONTHS.indexOf(lower.slice(0, 3));
      if (mi !== -1 && month === undefined) { month = mi + 1; continue; }
      if (DAYS.has(lower.slice(0, 3))) continue;
    }
    if (/^\d{4}$/.test(token) && year === undefined) { year = Number(token); continue; }
    if (/^\d{1,2}$/.test(token)) {
      if (day === undefined) day = Number(token);
      else if (year === undefined) year = fullYear(token);
      else return undefined;
      continue;
    }
    const z = offset === undefined ? zoneOffset(token) : undefined;
    if (z !== undefined) { offset = z; continue; }
    if (offset === undefined && zoneName === undefined && looksLikeZoneName(token)) { zoneName = token; continue; }
    return undefined;
  }
  if (day === undefined || month === undefined || year === undefined) return undefined;
  const local = utcInstant(year, month, day, Number(time?.[1] ?? 0), Number(time?.[2] ?? 0), Number(time?.[3] ?? 0), fractionMillis(time?.[4]), offset ?? 0);
  return local !== undefined && zoneName !== undefined ? zonedInstant(local, zoneName) : local;
}

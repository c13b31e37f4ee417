import { utcInstant } from './utc-instant.ts';
import { zoneOffset } from './zone-offsets.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const CANONICAL_RE = /^(?:[A-Za-z]{3}, ?)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|UTC?|Z|[+-]\d{4})$/;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/**
 * Epoch ms for an RFC 822 / RFC 1123 date and the ways feeds bend it, or undefined.
 *
 * Tokens are classified rather than matched by position, so the same code reads
 * "Thu, 01 Jan 2004 19:48:21 GMT", "Fri,24 Nov 2023 …", "Thu Aug 30 2012 17:26:16 +0200",
 * asctime's "Sun Jul 15 01:16:00 +0000 2012", "13 Feb, 2012", full month names, two-digit years,
 * missing seconds/time/zone (UTC) and zone names. An unknown token makes the whole date invalid:
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
  for (const raw of tokens) {
    const token = raw.replace(/\.$/, '');
    const lower = token.toLowerCase();
    const t = TIME_RE.exec(token);
    if (t && !time) { time = t; continue; }
    if (/^[a-z]{3,}$/.test(lower)) {
      const mi = MONTHS.indexOf(lower.slice(0, 3));
      if (mi !== -1 && month === undefined) { month = mi + 1; continue; }
      if (DAYS.has(lower.slice(0, 3))) continue;
    }
    if (/^\d{4}$/.test(token) && year === undefined) { year = Number(token); continue; }
    if (/^\d{1,2}$/.test(token)) {
      if (day === undefined) day = Number(token);
      else if (year === undefined) year = Number(token) < 70 ? 2000 + Number(token) : 1900 + Number(token);
      else return undefined;
      continue;
    }
    const z = offset === undefined ? zoneOffset(token) : undefined;
    if (z !== undefined) { offset = z; continue; }
    return undefined;
  }
  if (day === undefined || month === undefined || year === undefined) return undefined;
  return utcInstant(year, month, day, Number(time?.[1] ?? 0), Number(time?.[2] ?? 0), Number(time?.[3] ?? 0), 0, offset ?? 0);
}

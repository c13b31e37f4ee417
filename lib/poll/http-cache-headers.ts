/** Reading the HTTP caching headers (Cache-Control, Expires, Date) that tell a poller how long a response stays fresh. */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// RFC 9111 §1.2.2: a delta-seconds too large to represent is taken as 2^31 seconds.
const MAX_DELTA_SECONDS = 2 ** 31;

// The three HTTP-date spellings of RFC 9110 §5.6.7. We are lenient where real servers are
// sloppy (one-digit day, "UTC" or "+0000" for GMT, any case, extra spaces) but insist on the
// overall shape, unlike Date.parse, whose extra spellings differ between engines.
const IMF_FIXDATE = /^[a-z]{3},\s*(\d{1,2})\s+([a-z]{3})\s+(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(?:gmt|utc|ut|z|[+-]0000)$/;
const RFC_850 = /^[a-z]{6,9},\s*(\d{1,2})-([a-z]{3})-(\d{2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(?:gmt|utc|ut)$/;
const ASCTIME = /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})$/;

/**
 * Parses an HTTP-date (IMF-fixdate, RFC 850 or asctime) to epoch milliseconds, or undefined.
 * `now` places RFC 850's two-digit years: per RFC 9110 a year more than 50 years ahead is the
 * most recent past year with those digits.
 */
export function parseHttpDate(value: string | null | undefined, now = 0): number | undefined {
  if (value == null) return undefined;
  const text = value.trim().toLowerCase();
  let m = IMF_FIXDATE.exec(text);
  if (m) return utc(m[3], m[2], m[1], m[4], m[5], m[6]);
  m = RFC_850.exec(text);
  if (m) return utc(String(fullYear(Number(m[3]), now)), m[2], m[1], m[4], m[5], m[6]);
  m = ASCTIME.exec(text);
  if (m) return utc(m[6], m[1], m[2], m[3], m[4], m[5]);
  return undefined;
}

function fullYear(twoDigits: number, now: number): number {
  const thisYear = new Date(now).getUTCFullYear();
  let year = Math.floor(thisYear / 100) * 100 + twoDigits;
  if (year > thisYear + 50) year -= 100;
  return year;
}

function utc(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
): number | undefined {
  const y = Number(year);
  const mo = MONTHS.indexOf(month ?? '');
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  // Leap seconds (":60") are allowed by the grammar; Date folds them into the next minute.
  // Date.UTC maps years 0-99 to 1900-1999; no feed server lives there anyway.
  if (y < 1000 || mo < 0 || h > 23 || mi > 59 || s > 60 || d < 1) return undefined;
  // Date.UTC rolls "31 Feb" over into March; a day past the month's end is not a date.
  if (new Date(Date.UTC(y, mo, d)).getUTCDate() !== d) return undefined;
  return Date.UTC(y, mo, d, h, mi, s);
}

/**
 * The `max-age` of a Cache-Control header, in milliseconds, or undefined when absent or malformed.
 * `s-maxage` is for shared caches and ignored; `no-cache`/`no-store` do not count (they say
 * "revalidate", not "poll more often", and the scheduler's own minimum still applies).
 */
export function parseCacheControlMaxAge(value: string | null | undefined): number | undefined {
  if (value == null) return undefined;
  for (const directive of value.split(',')) {
    const eq = directive.indexOf('=');
    if (eq < 0) continue;
    if (directive.slice(0, eq).trim().toLowerCase() !== 'max-age') continue;
    // The quoted form is not allowed for max-age (RFC 9111 §5.2.2.1) but is sent anyway.
    const raw = directive.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (!/^\d+$/.test(raw)) return undefined;
    // RFC 9111 §4.2.1: with duplicates, the first occurrence is used.
    return Math.min(Number(raw), MAX_DELTA_SECONDS) * 1000;
  }
  return undefined;
}

/**
 * When a response with this Expires header goes stale, as epoch milliseconds on our clock, or
 * undefined when absent or invalid (such as "0" or "-1": RFC 9111 treats those as already
 * expired, which for a poller means no floor at all). The server's own Date header, when
 * parseable, anchors the lifetime, so a skewed local clock does not shorten or stretch it.
 */
export function parseExpires(
  expires: string | null | undefined,
  date: string | null | undefined,
  now: number,
): number | undefined {
  const expiresAt = parseHttpDate(expires, now);
  if (expiresAt === undefined) return undefined;
  const serverNow = parseHttpDate(date, now);
  return serverNow === undefined ? expiresAt : now + (expiresAt - serverNow);
}

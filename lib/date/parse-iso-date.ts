import { fractionMillis, utcInstant } from './utc-instant.ts';
import { zoneOffset } from './zone-offsets.ts';
import { zonedInstant } from './zoned-instant.ts';

// W3CDTF / RFC 3339 and their common relaxations: basic format (20031231T101455), a space for
// the T, a space before the zone, fractional seconds (milliseconds kept), a missing zone (UTC),
// reduced precision, and an IANA zone name after the time ("…T12:00:00 Europe/Berlin", or
// RFC 9557's "[Europe/Berlin]", where a numeric offset, when also given, wins).
// A zero-padded three-digit month ("2003-012-31") is tolerated, as the reference parser does.
const ISO_RE =
  /^(\d{4})(?:-?(\d{2}|0\d{2})(?:-?(\d{2}))?)?(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?(?:\s*\[?([A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){1,2})\]?)?$/i;
// Year-first dates with other separators or unpadded fields: 2020/1/10 14:33:00, 2020-1-5.
const LOOSE_RE =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
// ISO 8601 ordinal date: 2003-335.
const ORDINAL_RE = /^(\d{4})-?(\d{3})$/;
// Two-digit-year forms of ISO 8601:2000 that older feeds used: -03-12, -0312, 031231, 03335.
const SHORT_RE = /^(?:-(\d{2})-?(\d{2})|(\d{2})(\d{2})(\d{2})|(\d{2})(\d{3}))$/;

const century = (yy: number): number => (yy < 70 ? 2000 + yy : 1900 + yy);

function fromOrdinal(year: number, dayOfYear: number): number | undefined {
  if (dayOfYear < 1 || dayOfYear > 366) return undefined;
  const t = Date.UTC(year, 0, dayOfYear);
  return new Date(t).getUTCFullYear() === year ? t : undefined;
}

/** Epoch ms for an ISO 8601 / W3CDTF / RFC 3339 date string, or undefined. */
export function parseIsoDate(s: string): number | undefined {
  // Milliseconds are kept: posts published within one second keep their order.
  const m = ISO_RE.exec(s);
  if (m) {
    const offset = m[8] === undefined ? 0 : zoneOffset(m[8]);
    let t = offset === undefined ? undefined : utcInstant(
      Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), m[3] === undefined ? 1 : Number(m[3]),
      Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), fractionMillis(m[7]), offset,
    );
    if (t !== undefined && m[8] === undefined && m[9] !== undefined) t = zonedInstant(t, m[9]);
    if (t !== undefined) return t;
    if (m[9] !== undefined) return undefined; // a zone name this runtime does not know: no guess
  }
  const l = LOOSE_RE.exec(s);
  if (l) {
    const offset = l[7] === undefined ? 0 : zoneOffset(l[7]);
    if (offset === undefined) return undefined;
    return utcInstant(Number(l[1]), Number(l[2]), Number(l[3]), Number(l[4] ?? 0), Number(l[5] ?? 0), Number(l[6] ?? 0), 0, offset);
  }
  const o = ORDINAL_RE.exec(s);
  if (o) return fromOrdinal(Number(o[1]), Number(o[2]));
  const short = SHORT_RE.exec(s);
  if (short) {
    if (short[1] !== undefined) return utcInstant(century(Number(short[1])), Number(short[2]), 1);
    if (short[3] !== undefined) return utcInstant(century(Number(short[3])), Number(short[4]), Number(short[5]));
    return fromOrdinal(century(Number(short[6])), Number(short[7]));
  }
  return undefined;
}

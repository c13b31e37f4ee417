import { parseIsoDate } from './parse-iso-date.ts';
import { parseRfc822Date } from './parse-rfc822-date.ts';

/**
 * Epoch milliseconds (UTC) for a feed date in any common spelling (RFC 822 and its variants,
 * RFC 3339 / W3CDTF / ISO 8601), or undefined when it cannot be read. Never "now", never 1970:
 * an unreadable date is unknown, and the caller decides what unknown means.
 */
export function parseDate(input: string | undefined): number | undefined {
  if (input === undefined) return undefined;
  const s = input.trim().replace(/\s+/g, ' ');
  if (s === '' || s.length > 100) return undefined;
  const first = s.charCodeAt(0);
  // Digits or '-' first: ISO 8601 family; letters first: RFC 822 family. Either way try both.
  const isoFirst = (first >= 48 && first <= 57) || first === 45;
  const value = isoFirst ? (parseIsoDate(s) ?? parseRfc822Date(s)) : (parseRfc822Date(s) ?? parseIsoDate(s));
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

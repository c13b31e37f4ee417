/** Text escaped for XML and HTML (text or a double-quoted attribute), fast on large strings. */

// XML 1.0 cannot carry these at all, not even as references (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF).
// eslint-disable-next-line no-control-regex -- these control characters are exactly what must go
const FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"]/g;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Escapes &, <, > and " and drops what XML cannot represent. The OPML escaper walks code point
 * by code point; an export escapes megabytes of post HTML for two feeds, so this one uses two
 * regular-expression passes (measured by `npm run bench:export`).
 */
export function escapeMarkup(text: string): string {
  const clean = FORBIDDEN.test(text) ? text.replace(FORBIDDEN, '') : text;
  FORBIDDEN.lastIndex = 0;
  return clean.replace(SPECIAL, (c) => ENTITY[c] ?? c);
}

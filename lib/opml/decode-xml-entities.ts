/**
 * Entity decoding for OPML attribute values and text.
 *
 * fast-xml-parser runs with processEntities off (so a DOCTYPE can never define entities that
 * expand: "billion laughs"), which leaves references in the strings; this single non-recursive
 * pass decodes them, so its cost is bounded by the input length.
 */

// The five XML entities, plus the few HTML ones hand-written OPML files use without a DTD.
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  copy: '\u00a9',
};

const REFERENCE = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});/g;

function fromCodePoint(code: number): string | undefined {
  const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return valid ? String.fromCodePoint(code) : undefined;
}

/** Decodes &amp;-style named, decimal and hex references once; unknown names stay as written. */
export function decodeXmlEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(REFERENCE, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return fromCodePoint(parseInt(ref.slice(2), 16)) ?? '\ufffd';
    if (ref.startsWith('#')) return fromCodePoint(parseInt(ref.slice(1), 10)) ?? '\ufffd';
    return Object.hasOwn(NAMED, ref) ? (NAMED[ref] ?? whole) : whole;
  });
}

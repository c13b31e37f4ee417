// The references that appear in real <link>/<a> markup; a full HTML table would be ~2,200 names
// for no gain here, and this file also ships in the content script.
const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014',
  hellip: '\u2026', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', laquo: '\u00ab',
  raquo: '\u00bb', middot: '\u00b7', bull: '\u2022', copy: '\u00a9', reg: '\u00ae', trade: '\u2122',
};

function fromCodePoint(code: number): string {
  const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return valid ? String.fromCodePoint(code) : '\ufffd';
}

/**
 * Decodes character references in an HTML attribute value or text, in one pass.
 * Only references ending in ';' are decoded: in attributes HTML leaves `&copy=2` alone, and
 * hrefs like `?a=1&copy=2` must survive.
 */
export function decodeHtmlEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref[0] !== '#') return Object.hasOwn(NAMED, ref) ? (NAMED[ref] ?? whole) : whole;
    const hex = ref[1] === 'x' || ref[1] === 'X';
    return fromCodePoint(parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10));
  });
}

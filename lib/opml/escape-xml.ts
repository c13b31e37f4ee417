/** True for code points XML 1.0 cannot carry at all, not even as &#N; references. */
function isForbiddenInXml(code: number): boolean {
  if (code === 9 || code === 10 || code === 13) return false;
  return code < 32 || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Literal tabs and newlines in attributes are turned into spaces by every XML parser
  // (attribute-value normalization, XML 1.0 §3.3.3); references survive it.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes a string for an XML attribute value or text node; drops characters XML cannot represent. */
export function escapeXml(value: string): string {
  let out = '';
  // Iterating by code point keeps valid surrogate pairs together, so only lone halves are dropped.
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char.length === 1 && isForbiddenInXml(code)) continue;
    out += ESCAPES[char] ?? char;
  }
  return out;
}

/** Collapses whitespace and drops control characters, so names read well in one line of UI. */
export function cleanText(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    // C0/C1 controls other than whitespace cannot be shown (and XML 1.0 cannot even carry them).
    const isWhitespace = code === 9 || code === 10 || code === 13;
    if ((code < 32 && !isWhitespace) || (code >= 0x7f && code <= 0x9f)) continue;
    out += char;
  }
  return out.replace(/\s+/g, ' ').trim();
}

// 0x80-0x9F in windows-1252 (the five unassigned bytes keep their C1 code point, as WHATWG says).
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

const TABLE = new Uint16Array(256);
for (let i = 0; i < 256; i++) TABLE[i] = i >= 0x80 && i < 0xa0 ? (HIGH[i - 0x80] as number) : i;

/**
 * Decode windows-1252 (what WHATWG also uses for "iso-8859-1", "latin1" and "us-ascii").
 * Hand-rolled because Node 20's TextDecoder drops bytes 0x80-0x9F for this label, which are
 * exactly the curly quotes, dashes and euro sign publishers use.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = new Uint16Array(Math.min(bytes.length, 16384));
  for (let start = 0; start < bytes.length; start += chunk.length) {
    const end = Math.min(start + chunk.length, bytes.length);
    for (let i = start; i < end; i++) chunk[i - start] = TABLE[bytes[i] as number] as number;
    parts.push(String.fromCharCode.apply(null, Array.from(chunk.subarray(0, end - start))));
  }
  return parts.join('');
}

/** One C1 control character read as the windows-1252 character its byte stands for. */
export function c1ToWindows1252(c: string): string {
  const code = c.charCodeAt(0);
  return code >= 0x80 && code < 0xa0 ? String.fromCharCode(HIGH[code - 0x80] as number) : c;
}

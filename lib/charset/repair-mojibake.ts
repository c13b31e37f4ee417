import { c1ToWindows1252 } from './decode-windows-1252.ts';

// A UTF-8 lead byte then continuation bytes, all read as windows-1252 characters: "â€¦" for "…".
const MOJIBAKE_RE =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}/g;
const HAS_LEAD = /[\u00c2-\u00f4]/;

const strict = new TextDecoder('utf-8', { fatal: true });

let reverse: Map<string, number> | undefined;
/** windows-1252 character to its byte, for bytes 0x80-0xFF. */
function byteOf(ch: string): number | undefined {
  if (!reverse) {
    reverse = new Map();
    for (let b = 0x80; b <= 0xff; b++) reverse.set(c1ToWindows1252(String.fromCharCode(b)), b);
  }
  return reverse.get(ch);
}

/**
 * Undo UTF-8 that was decoded as windows-1252 and re-encoded ("double-encoded"): each run that
 * forms exactly one valid UTF-8 sequence once mapped back to bytes becomes that character.
 * Genuine latin-1 text essentially never contains such runs ("Ã©", "â€™" are not words).
 */
export function repairMojibake(text: string): string {
  if (!HAS_LEAD.test(text)) return text;
  return text.replace(MOJIBAKE_RE, (run) => {
    const lead = run.charCodeAt(0);
    const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (run.length < need) return run;
    const bytes: number[] = [];
    for (const ch of run.slice(0, need)) {
      const b = byteOf(ch);
      if (b === undefined) return run;
      bytes.push(b);
    }
    try {
      return strict.decode(Uint8Array.from(bytes)) + run.slice(need);
    } catch {
      return run;
    }
  });
}

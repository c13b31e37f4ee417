import { HTML_ENTITIES } from './html-entities.ts';

/** Looks up an entity the document declared itself (bounded: see doctype-entities.ts). */
export interface EntityLookup {
  get(name: string): string | undefined;
}

/** Characters that numeric references 0x80-0x9F stand for (windows-1252), as browsers decode them. */
const C1_REMAP: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

const XML_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

const NAME_RE = /^[A-Za-z_][\w.-]*$/;
const DEC_RE = /^[0-9]{1,8}$/;
const HEX_RE = /^[0-9a-fA-F]{1,7}$/;

/** The character a numeric reference stands for, or undefined when it is not a usable character. */
export function codePointToString(cp: number): string | undefined {
  const mapped = C1_REMAP[cp] ?? cp;
  if (mapped === 0 || mapped > 0x10ffff || (mapped >= 0xd800 && mapped <= 0xdfff)) return undefined;
  return String.fromCodePoint(mapped);
}

/**
 * Decode character and entity references in XML text: numeric ones, the five XML ones, those
 * declared in the document's internal DTD subset, and the HTML 4 names feeds use undeclared.
 * Unknown names and bare ampersands are kept as written (lenient, never an error).
 */
/** The numeric reference starting at `amp` ("&#233;", "&#xE9;"): [code point, index after], or undefined. */
function numericRef(text: string, amp: number): [number, number] | undefined {
  if (text.charCodeAt(amp) !== 38 || text.charCodeAt(amp + 1) !== 35) return undefined;
  const semi = text.indexOf(';', amp + 2);
  if (semi === -1 || semi - amp > 12) return undefined;
  const hex = text.charCodeAt(amp + 2) === 120 || text.charCodeAt(amp + 2) === 88;
  const digits = text.slice(amp + (hex ? 3 : 2), semi);
  if (!(hex ? HEX_RE.test(digits) : DEC_RE.test(digits))) return undefined;
  return [parseInt(digits, hex ? 16 : 10), semi + 1];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * "&#226;&#128;&#166;": UTF-8 bytes escaped one reference per byte (a publisher's double
 * encoding). When a reference to a UTF-8 lead byte is followed by references to exactly the
 * continuation bytes it needs, they are one character: [that character, index after], else undefined.
 */
function byteEscapedUtf8(text: string, lead: number, after: number): [string, number] | undefined {
  const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
  const bytes = [lead];
  let pos = after;
  for (let n = 0; n < need; n++) {
    const ref = numericRef(text, pos);
    const b = ref ? (ref[0] <= 0xbf && ref[0] >= 0x80 ? ref[0] : undefined) : undefined;
    if (!ref || b === undefined) return undefined;
    bytes.push(b);
    pos = ref[1];
  }
  try {
    return [strictUtf8.decode(Uint8Array.from(bytes)), pos];
  } catch {
    return undefined;
  }
}

/**
 * Decode character and entity references in XML text: numeric ones, the five XML ones, those
 * declared in the document's internal DTD subset, and the HTML 4 names feeds use undeclared.
 * Unknown names and bare ampersands are kept as written (lenient, never an error).
 */
export function decodeEntities(text: string, declared?: EntityLookup): string {
  let amp = text.indexOf('&');
  if (amp === -1) return text;
  // A hand-written scan, not a regex replace: escaped HTML is mostly &lt; and &gt;, and this is
  // the hottest loop of the parser. Pieces are joined once into a flat string (not a rope).
  const out: string[] = [];
  let last = 0;
  let semi = -1;
  while (amp !== -1) {
    // The next ';' is searched again only once passed: "&&&&…;" stays linear, not quadratic.
    if (semi < amp + 2) semi = text.indexOf(';', amp + 2);
    if (semi === -1) break;
    let next = amp + 1;
    if (semi - amp <= 33) {
      const name = text.slice(amp + 1, semi);
      let rep: string | undefined;
      let end = semi + 1;
      if (name === 'lt') rep = '<';
      else if (name === 'gt') rep = '>';
      else if (name === 'amp') rep = '&';
      else if (name.charCodeAt(0) === 35 /* # */) {
        const ref = numericRef(text, amp);
        if (ref) {
          const repaired = ref[0] >= 0xc2 && ref[0] <= 0xf4 ? byteEscapedUtf8(text, ref[0], ref[1]) : undefined;
          if (repaired) [rep, end] = repaired;
          else rep = codePointToString(ref[0]);
        }
      } else if (NAME_RE.test(name)) {
        rep = XML_ENTITIES.get(name) ?? declared?.get(name) ?? HTML_ENTITIES.get(name);
      }
      if (rep !== undefined) {
        out.push(text.slice(last, amp), rep);
        last = end;
        next = end;
      }
    }
    amp = text.indexOf('&', next);
  }
  if (last === 0) return text;
  out.push(text.slice(last));
  return out.join('');
}

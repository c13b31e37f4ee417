import { repairMojibake } from '../charset/repair-mojibake.ts';
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

const REF_RE = /&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z_][\w.-]{0,31}));/g;

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
export function decodeEntities(text: string, declared?: EntityLookup): string {
  if (text.indexOf('&') === -1) return text;
  let highRefs = false;
  const out = text.replace(REF_RE, (ref: string, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined || hex !== undefined) {
      const cp = dec !== undefined ? parseInt(dec, 10) : parseInt(hex ?? '', 16);
      if (cp >= 0x80 && cp <= 0xff) highRefs = true;
      return codePointToString(cp) ?? ref;
    }
    const key = name ?? '';
    return XML_ENTITIES.get(key) ?? declared?.get(key) ?? HTML_ENTITIES.get(key) ?? ref;
  });
  // &#226;&#128;&#166; is UTF-8 escaped byte by byte: "…" double-encoded, repaired.
  return highRefs ? repairMojibake(out) : out;
}

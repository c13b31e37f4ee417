import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode-bytes.ts';

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const utf8 = (s: string): number[] => Array.from(new TextEncoder().encode(s));
const utf16 = (s: string, le: boolean): number[] =>
  Array.from(s).flatMap((c) => {
    const u = c.charCodeAt(0);
    return le ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff];
  });
const utf32 = (s: string, le: boolean): number[] =>
  Array.from(s).flatMap((c) => {
    const u = c.codePointAt(0) ?? 0;
    const be = [(u >>> 24) & 0xff, (u >>> 16) & 0xff, (u >>> 8) & 0xff, u & 0xff];
    return le ? be.reverse() : be;
  });
const prolog = (enc: string): number[] => ascii(`<?xml version="1.0" encoding="${enc}"?><t>`);
const doc = '<?xml version="1.0"?><t>Iñtërnâtiônàl €</t>';

// [case, bytes, content-type, expected text inside <t>…</t>, expected charset]
const CASES: [string, number[], string | undefined, string, string][] = [
  ['UTF-8, no declaration', utf8(doc), undefined, 'Iñtërnâtiônàl €', 'utf-8'],
  ['UTF-8 BOM', [0xef, 0xbb, 0xbf, ...utf8(doc)], undefined, 'Iñtërnâtiônàl €', 'utf-8'],
  ['UTF-16LE BOM', [0xff, 0xfe, ...utf16(doc, true)], undefined, 'Iñtërnâtiônàl €', 'utf-16le'],
  ['UTF-16BE BOM', [0xfe, 0xff, ...utf16(doc, false)], undefined, 'Iñtërnâtiônàl €', 'utf-16be'],
  ['UTF-16LE, no BOM', utf16(doc, true), undefined, 'Iñtërnâtiônàl €', 'utf-16le'],
  ['UTF-16BE, no BOM', utf16(doc, false), undefined, 'Iñtërnâtiônàl €', 'utf-16be'],
  ['UTF-32LE BOM', [0xff, 0xfe, 0, 0, ...utf32(doc, true)], undefined, 'Iñtërnâtiônàl €', 'utf-32le'],
  ['UTF-32BE BOM', [0, 0, 0xfe, 0xff, ...utf32(doc, false)], undefined, 'Iñtërnâtiônàl €', 'utf-32be'],
  ['UTF-32LE, no BOM', utf32(doc, true), undefined, 'Iñtërnâtiônàl €', 'utf-32le'],
  ['UTF-32BE, no BOM', utf32(doc, false), undefined, 'Iñtërnâtiônàl €', 'utf-32be'],
  ['windows-1252 by prolog', [...prolog('windows-1252'), 0x80, 0x93, 0x94, 0xe9], undefined, '€“”é', 'windows-1252'],
  ['ISO-8859-1 by prolog (read as windows-1252, as browsers do)', [...prolog('ISO-8859-1'), 0x92, 0xe9], undefined, '’é', 'windows-1252'],
  ['windows-1252 by HTTP header, prolog says nothing', [...ascii('<t>'), 0xa3, 0x93, 0x94], 'text/xml; charset=windows-1252', '£“”', 'windows-1252'],
  ['HTTP charset beats the prolog', [...prolog('utf-8'), 0xe9], 'application/rss+xml; charset="ISO-8859-1"', 'é', 'windows-1252'],
  ['ISO-8859-2', [...prolog('ISO-8859-2'), 0xb1, 0xe6], undefined, 'ąć', 'iso-8859-2'],
  ['ISO-8859-15', [...prolog('iso-8859-15'), 0xa4], undefined, '€', 'iso-8859-15'],
  ['KOI8-R', [...prolog('KOI8-R'), 0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4], undefined, 'Привет', 'koi8-r'],
  ['windows-1251', [...prolog('windows-1251'), 0xcf, 0xf0, 0xe8], undefined, 'При', 'windows-1251'],
  ['Shift_JIS', [...prolog('Shift_JIS'), 0x93, 0xfa, 0x96, 0x7b], undefined, '日本', 'shift_jis'],
  ['GBK', [...prolog('GBK'), 0xd6, 0xd0, 0xce, 0xc4], undefined, '中文', 'gbk'],
  ['EUC-KR', [...prolog('euc-kr'), 0xc7, 0xd1], undefined, '한', 'euc-kr'],
  ['prolog lies (windows-1252) over valid UTF-8', [...prolog('windows-1252'), ...utf8('Euro €')], undefined, 'Euro €', 'utf-8'],
  ['prolog lies (ISO-8859-1) over valid UTF-8', [...prolog('ISO-8859-1'), ...utf8('Café')], undefined, 'Café', 'utf-8'],
  ['prolog names an unknown charset', [...prolog('invalid'), ...utf8('Café')], undefined, 'Café', 'utf-8'],
  ['prolog claims UTF-16 over 8-bit bytes', [...prolog('utf-16'), ...utf8('Café')], undefined, 'Café', 'utf-8'],
  ['undeclared and not UTF-8: windows-1252', [...ascii('<t>'), 0x93, 0x71, 0x94], undefined, '“q”', 'windows-1252'],
  ['C1 controls in UTF-8 read as windows-1252', [...ascii('<t>'), 0xc2, 0x92], undefined, '’', 'utf-8'],
];

describe('decodeBytes', () => {
  it.each(CASES)('%s', (_name, bytes, contentType, expected, charset) => {
    const result = decodeBytes(Uint8Array.from(bytes), contentType);
    const start = result.text.indexOf('<t>') + 3;
    const end = result.text.indexOf('</t>', start);
    expect(result.text.slice(start, end === -1 ? undefined : end)).toBe(expected);
    expect(result.charset).toBe(charset);
  });

  it('never throws on arbitrary bytes', () => {
    for (let seed = 1; seed < 200; seed++) {
      const bytes = Uint8Array.from({ length: seed * 7 }, (_, i) => (i * 131 + seed * 17) & 0xff);
      expect(typeof decodeBytes(bytes).text).toBe('string');
    }
  });
});

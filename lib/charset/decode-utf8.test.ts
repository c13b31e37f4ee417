import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/conformance/fuzz-mutations';
import { decodeUtf8 } from './decode-utf8.ts';

const reference = new TextDecoder('utf-8');
const enc = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

/** Mostly ASCII text with, now and then, a wider character, a malformed sequence or a BOM. */
function randomBytes(random: () => number, length: number): Uint8Array {
  const pick = <T,>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const wide = ['…', '’', 'é', '日本', '😀', 'Ω', '\u0085'];
  const broken = [[0xe2, 0x80], [0x80], [0xff], [0xf0, 0x9f], [0xc3], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf]];
  const out: number[] = [];
  const density = random() ** 3 * 0.05; // often under one run per 256 bytes: the piecewise path
  while (out.length < length) {
    const r = random();
    if (r < density) out.push(...enc(pick(wide)));
    else if (r < density * 1.3) out.push(...pick(broken));
    else out.push(32 + Math.floor(random() * 95));
  }
  return Uint8Array.from(out);
}

describe('decodeUtf8', () => {
  it('gives what TextDecoder gives on the cases that decide where pieces split', () => {
    const cases: [string, Uint8Array][] = [
      ['empty', new Uint8Array()],
      ['ASCII only', enc('<rss><item>plain</item></rss>')],
      ['one wide character at the end', enc(`${'x'.repeat(5000)}…`)],
      ['wide characters between ASCII', enc('a’b…c日本d😀e')],
      ['a leading BOM is dropped', cat([0xef, 0xbb, 0xbf], enc('<rss>…</rss>'))],
      ['a BOM later is a character', cat(enc('a'), [0xef, 0xbb, 0xbf], enc('b…'))],
      ['a truncated sequence before ASCII', cat(enc('a…'), [0xe2, 0x80], enc('b'))],
      ['a truncated sequence at the end', cat(enc('a…b'), [0xf0, 0x9f])],
      ['a lone continuation byte', cat(enc('a'), [0x80], enc('b…'))],
      ['an encoded surrogate', cat(enc('a…'), [0xed, 0xa0, 0x80], enc('b'))],
      ['only non-ASCII', enc('日本語のフィード')],
      ['many short runs (decoded whole)', enc('é'.repeat(2000))],
    ];
    for (const [name, bytes] of cases) expect(decodeUtf8(bytes), name).toBe(reference.decode(bytes));
  });

  it('gives what TextDecoder gives on 500 seeded random texts', () => {
    const random = seededRandom(20_261_201);
    for (let i = 0; i < 500; i++) {
      const bytes = randomBytes(random, 1 + Math.floor(random() * 4000));
      expect(decodeUtf8(bytes), `seed case ${i}`).toBe(reference.decode(bytes));
    }
  });

  it('gives what TextDecoder gives on views that start and end anywhere in their buffer (the 32-bit word scan aligns itself)', () => {
    const random = seededRandom(4_096);
    for (let i = 0; i < 200; i++) {
      const bytes = randomBytes(random, 1 + Math.floor(random() * 600));
      const buffer = new Uint8Array(bytes.length + 8);
      for (let offset = 0; offset < 4; offset++) {
        buffer.fill(0xff);
        buffer.set(bytes, offset);
        const view = buffer.subarray(offset, offset + bytes.length);
        expect(decodeUtf8(view), `case ${i} at offset ${offset}`).toBe(reference.decode(bytes));
      }
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/feed/parse-feed.ts';
import { contractViolation, mutate, seededRandom } from '../conformance/fuzz-mutations.ts';

// A few hundred seeded mutations of the fixtures (scripts/fuzz-parse.mjs runs 10,000 over the
// corpus too): parseFeed must never throw, always honour its result contract, and stay fast.
const FEEDS = path.resolve(import.meta.dirname, '../fixtures/feeds');
const inputs = fs.readdirSync(FEEDS).map((f) => new Uint8Array(fs.readFileSync(path.join(FEEDS, f))));

describe('fuzzed fixtures', () => {
  it.each([1, 2, 3])('seed %i: 150 mutations, no throw, contract kept', (seed) => {
    const random = seededRandom(seed);
    for (let i = 0; i < 150; i++) {
      const input = inputs[Math.floor(random() * inputs.length)] as Uint8Array;
      const { bytes, kind } = mutate(input, random);
      const result = parseFeed(bytes, { url: 'https://fuzz.example/feed.xml' });
      expect(contractViolation(result), `seed ${seed} case ${i} (${kind})`).toBeUndefined();
    }
  });

  it('every prefix of a feed parses (truncation at any byte)', () => {
    const input = inputs[0] as Uint8Array;
    for (let cut = 0; cut <= input.length; cut += Math.max(1, Math.floor(input.length / 300))) {
      expect(contractViolation(parseFeed(input.subarray(0, cut), { url: 'https://fuzz.example/' }))).toBeUndefined();
    }
  });
});

// Inputs shaped to trigger quadratic scans (each was one, once): they must stay linear. A
// quadratic pass over ~1 MB takes minutes, so the test's own timeout catches a regression
// (no timing threshold here: speed is measured by `npm run bench`; time per case is in fuzz-parse).
describe('hostile shapes parse in linear time', () => {
  const HOSTILE: [string, string][] = [
    ['ampersands then one semicolon', `<rss><channel><title>${'&'.repeat(300_000)};</title></channel></rss>`],
    ['"href=" in text, outside tags', `<rss><channel><item><description><![CDATA[${' href=x'.repeat(150_000)}]]></description></item></channel></rss>`],
    ['many <!x> declarations', `<rss>${'<!x>'.repeat(200_000)}[<channel></channel></rss>`],
    ['unclosed quoted tags in an HTML title', `<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">${'&lt;a title="x'.repeat(50_000)}</title></feed>`],
    ['many stray end tags in a deep document', `<rss><channel>${'<a>'.repeat(200)}${'</b>'.repeat(200_000)}</channel></rss>`],
    ['deep nesting', `<rss><channel><item><description>${'<div>'.repeat(300_000)}</description></item></channel></rss>`],
    ['a huge author of "a@a@…" (backtracking bait)', `<rss><channel><item><author>${'a@'.repeat(100_000)}</author></item></channel></rss>`],
    ['a huge itunes:duration', `<rss xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><item><itunes:duration>p${'1'.repeat(200_000)}x</itunes:duration><enclosure url="a.mp3"/></item></channel></rss>`],
    ['unterminated comments in an RSS title', `<rss><channel><item><title>${'&lt;!--'.repeat(100_000)}</title></item></channel></rss>`],
    ['open inline tags without an end, one end tag last, in an RSS title', `<rss><channel><item><title><![CDATA[${'<b x'.repeat(100_000)}</b>]]></title></item></channel></rss>`],
    ['many end tags of inline elements in an RSS title', `<rss><channel><item><title><![CDATA[${'</b  <i '.repeat(100_000)}]]></title></item></channel></rss>`],
    ['many attributes', `<rss><channel><item ${Array.from({ length: 50_000 }, (_, i) => `a${i}="v"`).join(' ')}><title>t</title></item></channel></rss>`],
  ];
  it.each(HOSTILE)('%s', (_name, doc) => {
    const result = parseFeed(new TextEncoder().encode(doc), { url: 'https://hostile.example/' });
    expect(contractViolation(result)).toBeUndefined();
  });
});

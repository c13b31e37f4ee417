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
  it.each([1, 2, 3])('seed %i: 150 mutations, no throw, contract kept, each under 1 s', (seed) => {
    const random = seededRandom(seed);
    for (let i = 0; i < 150; i++) {
      const input = inputs[Math.floor(random() * inputs.length)] as Uint8Array;
      const { bytes, kind } = mutate(input, random);
      const start = performance.now();
      const result = parseFeed(bytes, { url: 'https://fuzz.example/feed.xml' });
      const ms = performance.now() - start;
      expect(contractViolation(result), `seed ${seed} case ${i} (${kind})`).toBeUndefined();
      expect(ms, `seed ${seed} case ${i} (${kind})`).toBeLessThan(1000);
    }
  });

  it('every prefix of a feed parses (truncation at any byte)', () => {
    const input = inputs[0] as Uint8Array;
    for (let cut = 0; cut <= input.length; cut += Math.max(1, Math.floor(input.length / 300))) {
      expect(contractViolation(parseFeed(input.subarray(0, cut), { url: 'https://fuzz.example/' }))).toBeUndefined();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ITEMS, MAX_FEED_BYTES, parseFeed } from '../../lib/feed/parse-feed.ts';
import { generateRssFeed } from '../conformance/generate-feed.ts';

const URL_ = 'https://generated.example/feed.xml';
const rss = (items: string) => new TextEncoder().encode(`<rss version="2.0"><channel><title>T</title>${items}</channel></rss>`);
const dated = (n: number, day: number) => `<item><title>${n}</title><pubDate>${new Date(Date.UTC(2024, 0, day)).toUTCString()}</pubDate></item>`;

describe('item cap', () => {
  it('keeps the newest maxItems, in document order', () => {
    const doc = rss([dated(1, 5), dated(2, 1), dated(3, 9), dated(4, 3), dated(5, 7)].join(''));
    const r = parseFeed(doc, { url: URL_, maxItems: 3 });
    expect(r.ok && r.feed.items.map((i) => i.title)).toEqual(['1', '3', '5']);
  });

  it('undated items rank below dated ones, by position among themselves', () => {
    const doc = rss(`<item><title>u1</title></item>${dated(2, 1)}<item><title>u3</title></item><item><title>u4</title></item>`);
    const r = parseFeed(doc, { url: URL_, maxItems: 2 });
    expect(r.ok && r.feed.items.map((i) => i.title)).toEqual(['u1', '2']);
  });

  it.each([[0, 0], [2.7, 2], [Number.NaN, 3], [Infinity, 3]])('maxItems %s keeps %i of 3', (maxItems, kept) => {
    const r = parseFeed(rss([dated(1, 1), dated(2, 2), dated(3, 3)].join('')), { url: URL_, maxItems });
    expect(r.ok && r.feed.items).toHaveLength(kept);
  });

  it(`defaults to ${DEFAULT_MAX_ITEMS}`, () => {
    const r = parseFeed(rss(Array.from({ length: 600 }, (_, i) => dated(i, 1 + (i % 28))).join('')), { url: URL_ });
    expect(r.ok && r.feed.items).toHaveLength(DEFAULT_MAX_ITEMS);
  });
});

describe('size limits', () => {
  it('refuses more than the hard cap without reading it', () => {
    const r = parseFeed(new Uint8Array(MAX_FEED_BYTES + 1), { url: URL_ });
    expect(r.ok ? 'ok' : r.error.code).toBe('too-large');
  });

  it('parses a 20 MB feed with bounded memory', () => {
    const bytes = generateRssFeed(20 * 1024 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    const r = parseFeed(bytes, { url: URL_ });
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    expect(r.ok && r.feed.items).toHaveLength(DEFAULT_MAX_ITEMS);
    // The newest items of the generated feed are its last ones.
    expect(r.ok && r.feed.items[0]?.title).toMatch(/^Post \d+: sending e-mail & more$/);
    // Heap still in use right after the parse (garbage not yet collected included): a small
    // multiple of the input, not runaway growth.
    expect(heapGrowth).toBeLessThan(10 * bytes.length);
  }, 60_000);
});

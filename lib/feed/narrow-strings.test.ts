import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed';

/** Bytes per character of `s` as V8 serializes it (IndexedDB stores values the same way). */
const bytesPerChar = (s: string) => (serialize(s).length - 8) / s.length;

const plain = '<p>' + 'plain ASCII words of a post body, '.repeat(20) + '</p>';
const latin1 = '<p>Café crème, déjà vu: ' + 'naïve façade, '.repeat(10) + '</p>';
const wide = '<p>One curly quote ’ and an ellipsis … in this one, ' + 'more words, '.repeat(10) + '</p>';

const rss = (bodies: string[]) =>
  new TextEncoder().encode(
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>A blog</title><link>http://blog.example/</link>${bodies
      .map((b, i) => `<item><title>Post ${i}</title><link>http://blog.example/${i}</link><content:encoded><![CDATA[${b}]]></content:encoded></item>`)
      .join('')}</channel></rss>`,
  );

describe('parseFeed keeps post text one byte per character when it can', () => {
  it('a plain post of a feed with one wide character elsewhere is stored one byte per character', () => {
    const r = parseFeed(rss([wide, plain, latin1]), { url: 'http://blog.example/feed' });
    if (!r.ok) throw new Error(r.error.message);
    const [w = '', p = '', l = ''] = r.feed.items.map((i) => i.contentHtml ?? '');
    // The same text as written...
    expect([w, p, l]).toEqual([wide, plain, latin1]);
    // ...held at one byte per character where the text allows it (two before: cut from a wide document).
    expect(bytesPerChar(p)).toBeLessThan(1.2);
    expect(bytesPerChar(l)).toBeLessThan(1.2);
    expect(bytesPerChar(w)).toBeGreaterThan(1.8);
  });

  it('leaves a feed without wide characters as it was', () => {
    const r = parseFeed(rss([plain, latin1]), { url: 'http://blog.example/feed' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.feed.items.map((i) => i.contentHtml)).toEqual([plain, latin1]);
    for (const i of r.feed.items) expect(bytesPerChar(i.contentHtml ?? '')).toBeLessThan(1.2);
  });
});

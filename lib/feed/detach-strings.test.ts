import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed';

/** Bytes of `s` as structured clone (and so IndexedDB) writes it: one or two per character. */
const cloneBytes = (s: string) => serialize(s).length;

const rss = (description: string, content: string) =>
  new TextEncoder().encode(
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>` +
      `<item><title>An ASCII title long enough</title><link>http://a.example/1</link><description>${description}</description>` +
      `<content:encoded><![CDATA[${content}]]></content:encoded></item></channel></rss>`,
  );

describe('strings of a parsed feed', () => {
  const content = `<p>${'plain ASCII text '.repeat(200)}</p>`;

  it('are one byte per character when ASCII, even in a document holding a character beyond Latin-1', () => {
    const parsed = parseFeed(rss('Read on…', content), { url: 'http://a.example/feed' });
    if (!parsed.ok) throw new Error('not parsed');
    const item = parsed.feed.items[0]!;
    expect(item.contentHtml).toBe(content);
    expect(cloneBytes(item.contentHtml!)).toBeLessThan(content.length * 1.1);
    expect(cloneBytes(item.title)).toBeLessThan(item.title.length * 1.5);
    // Text that is not ASCII keeps its characters.
    expect(item.summary).toBe('Read on…');
  });

  it('keep their text when the document is ASCII or Latin-1 only', () => {
    const parsed = parseFeed(rss('Café crème', content), { url: 'http://a.example/feed' });
    if (!parsed.ok) throw new Error('not parsed');
    expect(parsed.feed.items[0]!.summary).toBe('Café crème');
    expect(cloneBytes(parsed.feed.items[0]!.contentHtml!)).toBeLessThan(content.length * 1.1);
  });
});

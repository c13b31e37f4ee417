import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/feed/parse-feed.ts';
import type { ParsedFeed } from '../../lib/feed/types.ts';
import { parseOpml } from '../../lib/opml/parse-opml.ts';

// Control characters and lone surrogates cannot be shown: they are removed from everything
// Orrery shows as plain text (titles, feed names, descriptions, authors, categories) when a
// feed is read; tab and newline are whitespace and collapse with it.

const URL_ = 'https://ctl.example/feed';
function feedOf(doc: string): ParsedFeed {
  const r = parseFeed(new TextEncoder().encode(doc), { url: URL_ });
  if (!r.ok) throw new Error(r.error.message);
  return r.feed;
}

// Each spelling must read "Hello World" (or "Hello World" twice, joined as the field joins it).
const XML_DIRTY: [string, string][] = [
  ['raw C0 controls', 'Hel\x01lo\x1F Wor\x08ld'],
  ['numeric references to C0 controls', 'Hel&#1;lo&#x1F; Wor&#8;ld'],
  // C1 characters that are windows-1252 punctuation become it (decode-bytes.ts); the rest go.
  ['DEL and C1 controls', 'Hel\x7Flo\u0081 Wor\u009Dld'],
  ['tabs and newlines collapse', 'Hello\t\n\r World'],
  ['controls around whitespace', '\x02 Hello \x03\x04 World \x05'],
];

describe('RSS: controls removed from shown text', () => {
  it.each(XML_DIRTY)('%s', (_name, dirty) => {
    const feed = feedOf(`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>${dirty}</title><description>${dirty}</description>` +
      `<item><guid>1</guid><title>${dirty}</title><dc:creator>${dirty}</dc:creator><category>${dirty}</category></item>` +
      `<item><guid>2</guid><title>t</title><author>a@example.org (${dirty})</author></item>` +
      `<item><guid>3</guid><title><![CDATA[${dirty}]]></title><itunes:author>${dirty}</itunes:author></item></channel></rss>`);
    expect(feed.title).toBe('Hello World');
    expect(feed.description).toBe('Hello World');
    expect(feed.items[0]).toMatchObject({ title: 'Hello World', author: 'Hello World', categories: ['Hello World'] });
    expect(feed.items[1]?.author).toBe('Hello World');
    expect(feed.items[2]).toMatchObject({ title: 'Hello World', author: 'Hello World' });
  });
});

describe('Atom: controls removed from shown text', () => {
  it.each(XML_DIRTY)('%s', (_name, dirty) => {
    const feed = feedOf(`<feed xmlns="http://www.w3.org/2005/Atom"><title>${dirty}</title><subtitle type="html">${dirty}</subtitle><author><name>${dirty}</name></author>` +
      `<entry><id>1</id><title type="html">${dirty}</title><category term="${dirty}"/></entry>` +
      `<entry><id>2</id><title>${dirty}</title><author><name>${dirty}</name></author></entry></feed>`);
    expect(feed.title).toBe('Hello World');
    expect(feed.description).toBe('Hello World');
    expect(feed.items[0]).toMatchObject({ title: 'Hello World', author: 'Hello World', categories: ['Hello World'] });
    expect(feed.items[1]).toMatchObject({ title: 'Hello World', author: 'Hello World' });
  });
});

describe('JSON Feed: controls and lone surrogates removed from shown text', () => {
  // Written as JSON escapes, so the bytes are ASCII and only JSON.parse makes the characters.
  it.each([
    ['C0 controls', 'Hel\\u0001lo\\u001f Wor\\u0008ld'],
    ['C1 controls and DEL', 'Hel\\u007flo\\u0080 Wor\\u009fld'],
    ['lone surrogates', 'Hel\\ud800lo \\udc00World'],
    ['a lone high surrogate at the end', 'Hello World\\ud83d'],
  ])('%s', (_name, dirty) => {
    const feed = feedOf(`{"version":"https://jsonfeed.org/version/1.1","title":"${dirty}","description":"${dirty}","authors":[{"name":"${dirty}"}],` +
      `"items":[{"id":"1","title":"${dirty}","tags":["${dirty}"]}]}`);
    expect(feed.title).toBe('Hello World');
    expect(feed.description).toBe('Hello World');
    expect(feed.items[0]).toMatchObject({ title: 'Hello World', author: 'Hello World', categories: ['Hello World'] });
  });

  it('keeps emoji (surrogate pairs) and other characters', () => {
    const feed = feedOf(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Snake 🐍 café — naïve', items: [] }));
    expect(feed.title).toBe('Snake 🐍 café — naïve');
  });
});

describe('OPML: controls removed from feed and folder names', () => {
  it('title, text and the head title', () => {
    const r = parseOpml(`<?xml version="1.0"?><opml version="2.0"><head><title>My\x01 List</title></head><body>` +
      `<outline text="Fol\x02der"><outline text="Py\x7Fthon\u0085 Blog" xmlUrl="https://py.example/feed"/></outline></body></opml>`);
    expect(r.ok && r.title).toBe('My List');
    expect(r.ok && r.feeds[0]).toMatchObject({ title: 'Python Blog', folder: 'Folder' });
  });
});

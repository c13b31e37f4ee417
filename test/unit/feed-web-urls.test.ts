import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/feed/parse-feed.ts';
import type { ParsedFeed, ParsedItem } from '../../lib/feed/types.ts';
import { parseOpml } from '../../lib/opml/parse-opml.ts';

// Only http: and https: URLs become links Orrery shows or follows (post and site links,
// enclosures, images, transcripts, chapters, icons). Anything else is dropped when the feed is
// read, and the post stays: title, content and identity kept.

const URL_ = 'https://site.example/blog/feed';
function feedOf(doc: string): ParsedFeed {
  const r = parseFeed(new TextEncoder().encode(doc), { url: URL_ });
  if (!r.ok) throw new Error(r.error.message);
  return r.feed;
}
const xmlAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

// \x01 and other C0 controls cannot be written in XML as characters; as references they are.
const BAD: [string, string][] = [
  ['javascript:', 'javascript:alert(document.domain)'],
  ['JaVaScRiPt: mixed case', 'JaVaScRiPt:alert(1)'],
  ['leading spaces and tab', '  \tjavascript:alert(1)'],
  ['data:text/html', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['file:', 'file:///etc/passwd'],
  ['chrome:', 'chrome://settings/passwords'],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['a control character first', '\x01javascript:alert(1)'],
  ['about:', 'about:blank'],
];
const xmlRef = (s: string): string => [...xmlAttr(s)].map((c) => (c.charCodeAt(0) < 0x20 ? `&#${c.charCodeAt(0)};` : c)).join('');

function expectNoLinks(feed: ParsedFeed, item: ParsedItem | undefined): void {
  expect(feed.siteUrl).toBeUndefined();
  expect(feed.iconUrl).toBeUndefined();
  expect(item).toBeDefined();
  expect(item?.url).toBeUndefined();
  expect(item?.enclosures).toEqual([]);
  expect(item?.imageUrl).toBeUndefined();
  expect(item?.transcriptUrl).toBeUndefined();
  expect(item?.chaptersUrl).toBeUndefined();
  expect(item?.title).toBe('Kept');
  expect(item?.contentHtml ?? item?.summary).toContain('still here');
}

describe('RSS 2.0', () => {
  const doc = (u: string, guid = '<guid>post-1</guid>'): string =>
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:media="http://search.yahoo.com/mrss/" xmlns:podcast="https://podcastindex.org/namespace/1.0">` +
    `<channel><title>T</title><link>${xmlRef(u)}</link><image><url>${xmlRef(u)}</url></image>` +
    `<item><title>Kept</title>${guid}<link>${xmlRef(u)}</link><description>still here</description>` +
    `<enclosure url="${xmlRef(u)}" type="audio/mpeg" length="1"/><atom:link rel="enclosure" href="${xmlRef(u)}"/>` +
    `<media:content url="${xmlRef(u)}" type="video/mp4"/><itunes:image href="${xmlRef(u)}"/><media:thumbnail url="${xmlRef(u)}"/>` +
    `<podcast:transcript url="${xmlRef(u)}" type="text/vtt"/><podcast:chapters url="${xmlRef(u)}" type="application/json+chapters"/></item></channel></rss>`;

  it.each(BAD)('%s', (_name, u) => {
    const feed = feedOf(doc(u));
    expectNoLinks(feed, feed.items[0]);
    expect(feed.items[0]?.id).toBe('post-1');
  });

  it('a dropped link leaves the next candidate: atom:link, then a permalink guid', () => {
    const item = feedOf(`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>` +
      `<item><title>a</title><link>javascript:alert(1)</link><atom:link href="https://site.example/a"/></item>` +
      `<item><title>b</title><link>data:text/html,x</link><guid>https://site.example/b</guid></item></channel></rss>`).items;
    expect(item.map((i) => i.url)).toEqual(['https://site.example/a', 'https://site.example/b']);
  });

  it('an item whose only identity was its link keeps that identity, and is not a link', () => {
    const feed = feedOf(`<rss version="2.0"><channel><title>T</title><item><title>Kept</title><link>data:text/html,&lt;b&gt;x</link><description>still here</description></item></channel></rss>`);
    const item = feed.items[0];
    expect(item?.url).toBeUndefined();
    // Same id as before the filter existed: stored posts keep their read state.
    expect(item?.id).toBe('data:text/html,<b>x');
  });

  it('relative links are resolved first, then checked', () => {
    const feed = feedOf(`<rss version="2.0"><channel><title>T</title><link>/</link><item><title>a</title><link>../posts/1</link><enclosure url="ep.mp3"/></item></channel></rss>`);
    expect(feed.siteUrl).toBe('https://site.example/');
    expect(feed.items[0]?.url).toBe('https://site.example/posts/1');
    expect(feed.items[0]?.enclosures[0]?.url).toBe('https://site.example/blog/ep.mp3');
  });

  it('an xml:base that is not http(s) makes nothing relative into a link', () => {
    const feed = feedOf(`<rss version="2.0"><channel xml:base="javascript:alert(1)//"><title>T</title><item><title>a</title><link>x</link></item></channel></rss>`);
    expect(feed.items[0]?.url).toBeUndefined();
  });
});

describe('RSS 1.0 (RDF)', () => {
  it.each(BAD)('%s', (_name, u) => {
    const feed = feedOf(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">` +
      `<channel rdf:about="x"><title>T</title><link>${xmlRef(u)}</link></channel><image rdf:resource="${xmlRef(u)}"/>` +
      `<item rdf:about="post-1"><title>Kept</title><link>${xmlRef(u)}</link><description>still here</description></item></rdf:RDF>`);
    expectNoLinks(feed, feed.items[0]);
    expect(feed.items[0]?.id).toBe('post-1');
  });
});

describe('Atom', () => {
  it.each(BAD)('%s', (_name, u) => {
    const feed = feedOf(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>T</title><link href="${xmlRef(u)}"/><icon>${xmlRef(u)}</icon>` +
      `<entry><id>post-1</id><title>Kept</title><link rel="alternate" href="${xmlRef(u)}"/><link rel="enclosure" href="${xmlRef(u)}" type="audio/mpeg"/>` +
      `<media:thumbnail url="${xmlRef(u)}"/><content>still here</content></entry></feed>`);
    expectNoLinks(feed, feed.items[0]);
    expect(feed.items[0]?.id).toBe('post-1');
  });

  it('a dropped alternate leaves the next one; the id, without <id>, is still the first as written', () => {
    const feed = feedOf(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><link rel="alternate" type="text/html" href="javascript:void(0)"/><link rel="alternate" href="/home"/>` +
      `<entry><title>a</title><link rel="alternate" type="text/html" href="data:text/html,x"/><link rel="alternate" type="application/pdf" href="/a.pdf"/></entry></feed>`);
    expect(feed.siteUrl).toBe('https://site.example/home');
    expect(feed.items[0]?.url).toBe('https://site.example/a.pdf');
    expect(feed.items[0]?.id).toBe('data:text/html,x');
  });

  it('a logo is the icon when the icon is not a web URL', () => {
    const feed = feedOf(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><icon>data:image/png;base64,AAAA</icon><logo>/logo.png</logo></feed>`);
    expect(feed.iconUrl).toBe('https://site.example/logo.png');
  });
});

describe('JSON Feed', () => {
  it.each(BAD)('%s', (_name, u) => {
    const feed = feedOf(JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1', title: 'T', home_page_url: u, icon: u, favicon: u,
      items: [{ id: 'post-1', title: 'Kept', url: u, external_url: u, image: u, banner_image: u, content_html: '<p>still here</p>', attachments: [{ url: u, mime_type: 'audio/mpeg' }] }],
    }));
    expectNoLinks(feed, feed.items[0]);
    expect(feed.items[0]?.id).toBe('post-1');
  });

  it('a feed_url that is not http(s) is no base: relative links resolve against the document URL', () => {
    const feed = feedOf(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'T', feed_url: 'data:text/plain,x', items: [{ id: '1', url: 'posts/1' }] }));
    expect(feed.items[0]?.url).toBe('https://site.example/blog/posts/1');
  });

  it('external_url when url is not a web URL; the id still comes from url when there is no id', () => {
    const item = feedOf(JSON.stringify({ version: 'https://jsonfeed.org/version/1', title: 'T', items: [{ title: 'a', url: 'javascript:x()', external_url: 'https://elsewhere.example/a' }] })).items[0];
    expect(item?.url).toBe('https://elsewhere.example/a');
    expect(item?.id).toBe('javascript:x()');
  });
});

describe('OPML import', () => {
  it.each(BAD)('%s as xmlUrl is refused, as htmlUrl dropped', (_name, u) => {
    const r = parseOpml(`<?xml version="1.0"?><opml version="2.0"><head><title>L</title></head><body>` +
      `<outline text="Bad feed" xmlUrl="${xmlRef(u)}"/><outline text="Good feed" xmlUrl="https://good.example/feed" htmlUrl="${xmlRef(u)}"/></body></opml>`);
    if (!r.ok) throw new Error(r.error);
    expect(r.feeds).toEqual([{ url: 'https://good.example/feed', title: 'Good feed' }]);
    expect(r.invalid.map((i) => i.text)).toEqual(['Bad feed']);
  });
});

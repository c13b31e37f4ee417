import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/feed/parse-feed.ts';
import type { ParsedFeed, ParseResult } from '../../lib/feed/types.ts';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const URL_ = 'https://blog.example/feeds/main.xml';
function feedOf(xml: string, url = URL_): ParsedFeed {
  const r = parseFeed(bytes(xml), { url });
  if (!r.ok) throw new Error(r.error.message);
  return r.feed;
}
const rss = (items: string, channel = ''): string =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>${channel}${items}</channel></rss>`;

describe('format is sniffed from the content, never from the caller', () => {
  it.each([
    ['RSS 2.0', rss('<item><title>a</title></item>'), 'rss'],
    ['RSS 0.91', '<rss version="0.91"><channel><title>T</title><item><title>a</title></item></channel></rss>', 'rss'],
    ['RSS 1.0', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>T</title></channel><item rdf:about="u"><title>a</title></item></rdf:RDF>', 'rdf'],
    ['Atom 1.0', '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>a</title></entry></feed>', 'atom'],
    ['Atom 0.3', '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>T</title><entry><title>a</title></entry></feed>', 'atom'],
    ['JSON Feed', '{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","title":"a"}]}', 'json'],
    ['leading whitespace and BOM', `\ufeff\n  ${rss('<item><title>a</title></item>')}`, 'rss'],
  ])('%s', (_name, doc, format) => {
    const r = parseFeed(bytes(doc), { url: URL_, contentType: 'text/html' });
    expect(r.ok && r.feed.format).toBe(format);
    expect(r.ok && r.feed.items[0]?.title).toBe('a');
  });
});

describe('typed errors only when nothing is usable', () => {
  const code = (r: ParseResult): string => (r.ok ? 'ok' : r.error.code);
  it.each([
    ['an HTML page', '<!DOCTYPE html><html><head><title>x</title></head><body></body></html>', 'not-a-feed'],
    ['plain text', 'hello world', 'not-a-feed'],
    ['empty', '', 'not-a-feed'],
    ['JSON that is not a feed', '{"hello":"world"}', 'not-a-feed'],
    ['broken JSON', '{"version":"https://jsonfeed.org/version/1", "items": [', 'malformed'],
    ['markup with no element', '<?xml version="1.0"?><!-- nothing -->', 'malformed'],
  ])('%s', (_name, doc, expected) => {
    expect(code(parseFeed(bytes(doc), { url: URL_ }))).toBe(expected);
  });

  it('error messages name the module', () => {
    const r = parseFeed(bytes('nope'), { url: URL_ });
    expect(!r.ok && r.error.message).toMatch(/^feed: /);
  });

  it('a truncated feed still yields the items read so far', () => {
    const doc = rss('<item><title>one</title></item><item><title>two</title></item><item><title>thr');
    const feed = feedOf(doc.slice(0, doc.indexOf('thr') + 3));
    expect(feed.items.map((i) => i.title)).toEqual(['one', 'two', 'thr']);
  });
});

describe('ids', () => {
  it('guid first, then link, then a hash of title and content', () => {
    const feed = feedOf(rss(
      '<item><guid isPermaLink="false">abc</guid><link>https://x.example/1</link></item>' +
      '<item><link>https://x.example/2</link><title>b</title></item>' +
      '<item><title>c</title><description>body</description></item>',
    ));
    expect(feed.items.map((i) => i.id)).toEqual(['abc', 'https://x.example/2', expect.stringMatching(/^hash:[0-9a-z]{11}$/)]);
  });

  it('the hash ignores whitespace changes and follows content changes', () => {
    const id = (title: string, body: string): string | undefined => feedOf(rss(`<item><title>${title}</title><description>${body}</description></item>`)).items[0]?.id;
    expect(id('A  post', '<p>Hello\n  world</p>')).toBe(id('A post', ' <p>Hello world</p>'));
    expect(id('A post', '<p>Hello world!</p>')).not.toBe(id('A post', '<p>Hello world</p>'));
  });

  it('guid isPermaLink: a URL guid is the link unless isPermaLink="false"', () => {
    const feed = feedOf(rss(
      '<item><guid>https://x.example/p</guid></item>' +
      '<item><guid isPermaLink="false">https://x.example/q</guid></item>' +
      '<item><guid isPermaLink="true">https://x.example/r</guid><link>https://x.example/link</link></item>',
    ));
    expect(feed.items.map((i) => i.url)).toEqual(['https://x.example/p', undefined, 'https://x.example/link']);
  });
});

describe('URLs', () => {
  it('relative links resolve against the feed URL', () => {
    const item = feedOf(rss('<item><link>../posts/1</link><description>&lt;a href="/a"&gt;x&lt;/a&gt; &lt;img src=\'b.png\'&gt;</description></item>')).items[0];
    expect(item?.url).toBe('https://blog.example/posts/1');
    expect(item?.summary).toBe('<a href="https://blog.example/a">x</a> <img src="https://blog.example/feeds/b.png">');
  });

  it('xml:base is scoped to its element (Atom)', () => {
    const feed = feedOf(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/blog/">
      <link href="/"/>
      <entry xml:base="2024/"><link href="post.html"/><content type="html" xml:base="media/">&lt;img src="p.png"&gt;</content></entry>
      <entry><link href="other.html"/></entry></feed>`);
    expect(feed.siteUrl).toBe('https://a.example/');
    expect(feed.items.map((i) => i.url)).toEqual(['https://a.example/blog/2024/post.html', 'https://a.example/blog/other.html']);
    expect(feed.items[0]?.contentHtml).toBe('<img src="https://a.example/blog/2024/media/p.png">');
  });

  it('leaves absolute, fragment and non-HTTP URLs alone, and href text outside tags', () => {
    const html = '<a href="https://o.example/x">a</a> <a href="#top">b</a> <a href="mailto:me@x.example">c</a> href="/not-a-tag"';
    const item = feedOf(rss(`<item><content:encoded><![CDATA[${html}]]></content:encoded></item>`)).items[0];
    expect(item?.contentHtml).toBe(html);
  });
});

import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/feed/parse-feed.ts';
import type { ParsedFeed } from '../../lib/feed/types.ts';

// Titles are plain text in Orrery's model (shown with textContent everywhere). The rule each
// format follows is written in lib/feed/plain-title.ts and lib/feed/text-construct.ts; these
// cases pin it down, one row per spelling a publisher uses.

const URL_ = 'https://blog.example/feed';
function feedOf(doc: string): ParsedFeed {
  const r = parseFeed(new TextEncoder().encode(doc), { url: URL_ });
  if (!r.ok) throw new Error(r.error.message);
  return r.feed;
}
const rssTitle = (title: string): string | undefined =>
  feedOf(`<rss version="2.0"><channel><title>${title}</title><item><title>${title}</title><guid>g</guid></item></channel></rss>`).items[0]?.title;
const rssChannelTitle = (title: string): string =>
  feedOf(`<rss version="2.0"><channel><title>${title}</title><item><title>x</title></item></channel></rss>`).title;
const rdfTitle = (title: string): string | undefined =>
  feedOf(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>c</title></channel><item rdf:about="u"><title>${title}</title></item></rdf:RDF>`).items[0]?.title;
const atomTitle = (title: string, type?: string): string | undefined =>
  feedOf(`<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><id>e</id><title${type ? ` type="${type}"` : ''}>${title}</title></entry></feed>`).items[0]?.title;
const jsonTitle = (title: string): { feed: string; item: string | undefined } => {
  const feed = feedOf(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title, items: [{ id: '1', title }] }));
  return { feed: feed.title, item: feed.items[0]?.title };
};

describe('RSS titles: text that may carry HTML leftovers', () => {
  it.each([
    // Entity-escaped tags that are not formatting are text the author wrote about markup.
    ['Use &lt;/example&gt; in titles', 'Use </example> in titles'],
    ['Why &lt;div&gt;s are not buttons', 'Why <div>s are not buttons'],
    ['Django &lt;template&gt; tags and &lt;/template&gt;', 'Django <template> tags and </template>'],
    ['History of the &lt;blink&gt; tag', 'History of the <blink> tag'],
    ['&lt;script&gt;alert(1)&lt;/script&gt; is text here', '<script>alert(1)</script> is text here'],
    ['The &lt;code&gt; element', 'The <code> element'],
    // CDATA is the same text, spelled differently.
    ['<![CDATA[Use </example> in titles]]>', 'Use </example> in titles'],
    ['<![CDATA[Nesting <div> in <p>]]>', 'Nesting <div> in <p>'],
    // Formatting a CMS left in (opened and closed): its text, as a browser would show it.
    ['Test: &lt;b&gt;bold&lt;/b&gt;', 'Test: bold'],
    ['<![CDATA[Why <code>async</code> <em>matters</em>]]>', 'Why async matters'],
    ['&lt;a href="https://x.example/"&gt;Linked&lt;/a&gt; post', 'Linked post'],
    // Markup written unescaped, as XML elements: its text.
    ['Test: <b>bold</b>', 'Test: bold'],
    // References: decoded once more (double escaping is what CMSs do; a literal "&amp;" in a title is rarer).
    ['Tom &amp;amp; Jerry', 'Tom & Jerry'],
    ['<![CDATA[Jenny&#8217;s Newsletter]]>', 'Jenny’s Newsletter'],
    ['&amp;#39;Text&amp;#39;', "'Text'"],
    ['&#931; &#xDF;', 'Σ ß'],
    ['AT&amp;T &amp; 1 &lt; 2', 'AT&T & 1 < 2'],
    // Escaped twice: the author's text is the markup itself.
    ['&amp;lt;b&amp;gt;not bold&amp;lt;/b&amp;gt;', '<b>not bold</b>'],
    ['  Some\n\t Title  ', 'Some Title'],
  ])('%j -> %j', (raw, expected) => {
    expect(rssTitle(raw)).toBe(expected);
    expect(rssChannelTitle(raw)).toBe(expected);
    expect(rdfTitle(raw)).toBe(expected);
  });
});

describe('Atom titles: the type attribute decides', () => {
  it.each([
    // type="text" (the default): the text as written, nothing decoded twice, no tag meaning.
    [undefined, 'Use &lt;/example&gt; in titles', 'Use </example> in titles'],
    ['text', 'AT&amp;T &lt;b&gt;', 'AT&T <b>'],
    ['text', '&amp;#39;AT&amp;amp;T&amp;#39;', '&#39;AT&amp;T&#39;'],
    // type="html": HTML, so tags are markup and references are decoded.
    ['html', '&lt;code&gt;Code&lt;/code&gt; Test', 'Code Test'],
    ['html', '<![CDATA[Test with &#8220;quotes&#8221;]]>', 'Test with “quotes”'],
    ['html', 'Use &amp;lt;/example&amp;gt; in titles', 'Use </example> in titles'],
    // type="xhtml": inline XHTML; its text.
    ['xhtml', '<div xmlns="http://www.w3.org/1999/xhtml">This is <b>XHTML</b> &lt;/example&gt;</div>', 'This is XHTML </example>'],
  ])('type=%s %j -> %j', (type, raw, expected) => {
    expect(atomTitle(raw, type)).toBe(expected);
  });
});

describe('JSON Feed titles: plain text by the spec', () => {
  it.each([
    ['</example>', '</example>'],
    ['Use <div> and </template>', 'Use <div> and </template>'],
    // The same leftovers as RSS: CMSs fill JSON titles from the same HTML-escaped strings.
    ['Jenny&#8217;s <b>bold</b> news', 'Jenny’s bold news'],
    ['Q&A 1 < 2', 'Q&A 1 < 2'],
  ])('%j -> %j', (raw, expected) => {
    expect(jsonTitle(raw)).toEqual({ feed: expected, item: expected });
  });
});

import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/feed/parse-feed.ts';
import type { ParsedFeed } from '../../lib/feed/types.ts';

const URL_ = 'https://pod.example/feed.xml';
function feedOf(doc: string): ParsedFeed {
  const r = parseFeed(new TextEncoder().encode(doc), { url: URL_ });
  if (!r.ok) throw new Error(r.error.message);
  return r.feed;
}
const NS = 'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom"';
const rssItem = (inner: string) => feedOf(`<rss version="2.0" ${NS}><channel><title>P</title><item>${inner}</item></channel></rss>`).items[0];

describe('RSS item fields', () => {
  it('content:encoded is the content, description the summary, dc:creator the author', () => {
    const item = rssItem('<title>T</title><description>short</description><content:encoded><![CDATA[<p>long</p>]]></content:encoded><dc:creator>Ann</dc:creator><dc:date>2024-03-01T10:00:00Z</dc:date>');
    expect(item).toMatchObject({ summary: 'short', contentHtml: '<p>long</p>', author: 'Ann', published: Date.UTC(2024, 2, 1, 10) });
  });

  it.each([
    ['ann@example.com (Ann Smith)', 'Ann Smith'],
    ['Ann Smith <ann@example.com>', 'Ann Smith'],
    ['ann@example.com', 'ann@example.com'],
  ])('author %j reads as %j', (raw, name) => {
    expect(rssItem(`<author>${raw.replace(/</g, '&lt;')}</author>`)?.author).toBe(name);
  });

  it('titles are plain text: markup reduced to its text, entities decoded', () => {
    expect(rssItem('<title>Q&amp;A: &lt;b&gt;bold&lt;/b&gt; &amp;amp; more&#8230;</title>')?.title).toBe('Q&A: bold & more…');
    expect(rssItem('<title>1 &lt; 2</title>')?.title).toBe('1 < 2');
  });

  it('podcast: enclosure with itunes:duration, itunes:image, no duplicate from media:content', () => {
    const item = rssItem(
      '<enclosure url="/ep1.mp3" type="audio/mpeg" length="1234"/>' +
      '<media:content url="https://pod.example/ep1.mp3" type="audio/mpeg" fileSize="1234"/>' +
      '<itunes:duration>1:02:03</itunes:duration><itunes:image href="/ep1.jpg"/><itunes:author>Host</itunes:author>',
    );
    expect(item?.enclosures).toEqual([{ url: 'https://pod.example/ep1.mp3', type: 'audio/mpeg', length: 1234, durationSeconds: 3723 }]);
    expect(item?.imageUrl).toBe('https://pod.example/ep1.jpg');
    expect(item?.author).toBe('Host');
  });

  it('media:group content and thumbnail; images are not enclosures', () => {
    const item = rssItem(
      '<media:group><media:content url="https://v.example/a.mp4" type="video/mp4" duration="90"/>' +
      '<media:content url="https://v.example/a.jpg" medium="image"/><media:thumbnail url="https://v.example/t.jpg"/></media:group>',
    );
    expect(item?.enclosures).toEqual([{ url: 'https://v.example/a.mp4', type: 'video/mp4', durationSeconds: 90 }]);
    expect(item?.imageUrl).toBe('https://v.example/t.jpg');
  });

  it('Podcasting 2.0 transcript and chapters', () => {
    const item = feedOf(`<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>P</title><item>` +
      '<podcast:transcript url="/t/1.vtt" type="text/vtt"/><podcast:chapters url="https://pod.example/c/1.json" type="application/json+chapters"/></item></channel></rss>').items[0];
    expect(item).toMatchObject({ transcriptUrl: 'https://pod.example/t/1.vtt', chaptersUrl: 'https://pod.example/c/1.json' });
  });

  it('atom:link in RSS gives the link when <link> is missing', () => {
    expect(rssItem('<atom:link rel="alternate" href="https://pod.example/p"/>')?.url).toBe('https://pod.example/p');
  });

  it('categories from category and dc:subject', () => {
    expect(rssItem('<category>a</category><category> b </category><dc:subject>c</dc:subject>')?.categories).toEqual(['a', 'b', 'c']);
  });
});

describe('Atom entries', () => {
  const entry = (inner: string, feedInner = '') =>
    feedOf(`<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><author><name>Feed Author</name></author>${feedInner}<entry>${inner}</entry></feed>`).items[0];

  it('text constructs: titles become plain text, xhtml loses its wrapper div', () => {
    const item = entry('<title type="html">&lt;em&gt;Hi&lt;/em&gt; &amp;amp; bye</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <b>there</b></p></div></content><summary>a &lt; b</summary>');
    expect(item).toMatchObject({ title: 'Hi & bye', contentHtml: '<p>Hi <b>there</b></p>', summary: 'a &lt; b' });
  });

  it('published/updated, rel=enclosure, the feed author as fallback', () => {
    const item = entry('<id>urn:x</id><published>2024-01-02T03:04:05Z</published><updated>2024-01-03T00:00:00+01:00</updated><link rel="enclosure" href="/a.mp3" type="audio/mpeg" length="7"/><link href="https://pod.example/e"/>');
    expect(item).toMatchObject({
      id: 'urn:x',
      url: 'https://pod.example/e',
      published: Date.UTC(2024, 0, 2, 3, 4, 5),
      updated: Date.UTC(2024, 0, 2, 23),
      author: 'Feed Author',
      enclosures: [{ url: 'https://pod.example/a.mp3', type: 'audio/mpeg', length: 7 }],
    });
  });
});

describe('JSON Feed items', () => {
  it('maps 1.1 fields, attachments and content_text', () => {
    const feed = feedOf(JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      home_page_url: '/',
      authors: [{ name: 'Feed Author' }],
      items: [
        { id: 42, url: '/p/1', title: 'One', content_text: 'a < b\n\nnext', date_published: '2024-05-01T00:00:00Z', attachments: [{ url: '/a.mp3', mime_type: 'audio/mpeg', size_in_bytes: 9, duration_in_seconds: 60 }] },
        { id: 'x', content_html: '<p><a href="rel">r</a></p>', summary: 'S & s', authors: [{ name: 'Item Author' }], tags: ['t'] },
      ],
    }));
    expect(feed.siteUrl).toBe('https://pod.example/');
    expect(feed.items[0]).toMatchObject({
      id: '42', url: 'https://pod.example/p/1', author: 'Feed Author', published: Date.UTC(2024, 4, 1),
      contentHtml: '<p>a &lt; b</p><p>next</p>',
      enclosures: [{ url: 'https://pod.example/a.mp3', type: 'audio/mpeg', length: 9, durationSeconds: 60 }],
    });
    expect(feed.items[1]).toMatchObject({ author: 'Item Author', summary: 'S &amp; s', contentHtml: '<p><a href="https://pod.example/rel">r</a></p>', categories: ['t'] });
  });
});

import { describe, expect, it } from 'vitest';
import { parseDate } from '../../lib/date/parse-date.ts';
import { parseFeed } from '../../lib/feed/parse-feed.ts';
import type { ParsedFeed } from '../../lib/feed/types.ts';

// Behaviours Miniflux's reader tests check (internal/reader/{rss,atom,json,date,parser}), each
// restated in Orrery's terms with its own input: where a feed of that shape came from, what a
// reader must make of it. The names in brackets are the Miniflux tests the behaviour comes from.

const read = (doc: string, url = 'https://example.org/feed'): ParsedFeed => {
  const r = parseFeed(new TextEncoder().encode(doc), { url });
  if (!r.ok) throw new Error(r.error.message);
  return r.feed;
};
const rss = (channel: string, item: string, ns = ''): ParsedFeed =>
  read(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0" ${ns}><channel><title>Site</title><link>https://example.org/</link>${channel}<item>${item}</item></channel></rss>`);
const ATOM_NS = 'xmlns:atom="http://www.w3.org/2005/Atom"';
const GP_NS = 'xmlns:googleplay="http://www.google.com/schemas/play-podcasts/1.0"';
const ITUNES_NS = 'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"';

describe('titles (Miniflux rss/atom/json parser tests)', () => {
  it('an escaped end tag in an RSS item title is text [TestParseItemTitleWithHTMLEntity]', () => {
    expect(rss('', '<title>Closing with &lt;/section&gt;</title><link>https://example.org/1</link>').items[0]?.title).toBe('Closing with </section>');
  });
  it('a numeric reference inside CDATA in a channel title is decoded [TestParseFeedTitleWithUnicodeEntityAndCdata]', () => {
    expect(read('<rss version="2.0"><channel><title><![CDATA[Bob&#8217;s Digest]]></title></channel></rss>').title).toBe('Bob’s Digest');
  });
  it('references escaped twice in an RSS title are decoded [TestParseItemTitleWithDoubleEncodedEntities]', () => {
    expect(rss('', '<title>&amp;#34;Quoted&amp;#34;</title>').items[0]?.title).toBe('"Quoted"');
  });
  it('inline markup written unescaped in an RSS title gives its text [TestParseItemTitleWithInnerHTML]', () => {
    expect(rss('', '<title>Release: <i>now</i></title>').items[0]?.title).toBe('Release: now');
  });
  it('an Atom text title decodes its references once, with or without type="text" [TestParseEntryWithPlainTextTitle]', () => {
    const feed = read('<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><id>1</id><title type="text">R&amp;D update</title></entry><entry><id>2</id><title>R&amp;D update</title></entry></feed>');
    expect(feed.items.map((i) => i.title)).toEqual(['R&D update', 'R&D update']);
  });
  it('an Atom text title keeps references escaped twice as written [TestParseEntryWithDoubleEncodedEntitiesTitle]', () => {
    expect(read('<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><id>1</id><title>&amp;#34;R&amp;amp;D&amp;#34;</title></entry></feed>').items[0]?.title).toBe('&#34;R&amp;D&#34;');
  });
  it('an Atom html title with an escaped self-closing-looking tag [TestParseEntryWithHTMLTitle]', () => {
    // Orrery keeps titles as plain text: the entity-escaped-twice tag is the text "<tag>".
    expect(read('<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><id>1</id><title type="html"><![CDATA[Using &lt;slot&gt; well]]></title></entry></feed>').items[0]?.title).toBe('Using <slot> well');
  });
  it('a JSON Feed item title that looks like an end tag is text [TestParseItemTitleWithXMLTags]', () => {
    expect(read(JSON.stringify({ version: 'https://jsonfeed.org/version/1', title: 'J', items: [{ id: '1', title: '</aside>' }] })).items[0]?.title).toBe('</aside>');
  });
});

describe('authors (Miniflux rss and json parser tests)', () => {
  it('atom:author with only an email in an RSS item [TestParseEntryWithAtomAuthorEmail]', () => {
    expect(rss('', '<title>t</title><atom:author><email>writer@example.org</email></atom:author>', ATOM_NS).items[0]?.author).toBe('writer@example.org');
  });
  it('atom:author with a name in an RSS item [TestParseEntryWithAtomAuthorName]', () => {
    expect(rss('', '<title>t</title><atom:author><name>Ada Writer</name></atom:author>', ATOM_NS).items[0]?.author).toBe('Ada Writer');
  });
  it('googleplay:author on an RSS item [TestParseEntryWithGooglePlayAuthor]', () => {
    expect(rss('', '<title>t</title><googleplay:author>Pod Host</googleplay:author>', GP_NS).items[0]?.author).toBe('Pod Host');
  });
  it('googleplay:author on the channel stands for its items [TestParseFeedWithGooglePlayAuthor]', () => {
    expect(rss('<googleplay:author>Pod Host</googleplay:author>', '<title>t</title>', GP_NS).items[0]?.author).toBe('Pod Host');
  });
  it('itunes:author on the channel stands for its items [TestParseFeedWithItunesAuthor]', () => {
    expect(rss('<itunes:author>Pod Host</itunes:author>', '<title>t</title>', ITUNES_NS).items[0]?.author).toBe('Pod Host');
  });
  it('markup inside an RSS author gives its text [TestParseEntryWithAuthorAndInnerHTML]', () => {
    expect(rss('', '<title>t</title><author>by <a href="/people/ada">Ada</a></author>').items[0]?.author).toBe('by Ada');
  });
  it('JSON Feed 1.0 "author" object of the feed stands for items [TestParseItemWithLegacyAuthorField]', () => {
    const feed = read(JSON.stringify({ version: 'https://jsonfeed.org/version/1', title: 'J', author: { name: 'Blog Owner', url: 'https://example.org/' }, items: [{ id: '1', content_text: 'hi' }] }));
    expect(feed.items[0]?.author).toBe('Blog Owner');
  });
  it('JSON Feed "authors" given as one object [TestParseItemWithAuthorsObject]', () => {
    const feed = read(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', content_text: 'hi', authors: { name: 'Solo Author' } }] }));
    expect(feed.items[0]?.author).toBe('Solo Author');
  });
});

describe('format detection (Miniflux parser/format tests)', () => {
  it('a JSON Feed after 10,000 spaces [TestDetectJSONWithLargeLeadingWhitespace]', () => {
    expect(read(`${' '.repeat(10_000)}{"version":"https://jsonfeed.org/version/1","title":"Far","items":[]}`).title).toBe('Far');
  });
  it('a JSON Feed after mixed whitespace [TestDetectJSONWithMixedWhitespace]', () => {
    expect(read(`${'\n\t  '.repeat(10_000)}{"version":"https://jsonfeed.org/version/1","title":"Far","items":[]}`).title).toBe('Far');
  });
  it('only whitespace is not a feed [TestDetectOnlyWhitespace]', () => {
    const r = parseFeed(new TextEncoder().encode(' \t\n\r'.repeat(10_000)), { url: 'https://example.org/' });
    expect(r.ok ? 'ok' : r.error.code).toBe('not-a-feed');
  });
});

describe('dates (Miniflux date parser tests)', () => {
  it('an IANA zone name after the time, daylight saving time in force [TestParseRSSDateTimezone-style]', () => {
    expect(parseDate('Sun, 02 Apr 2023 09:00:00 America/Los_Angeles')).toBe(Date.UTC(2023, 3, 2, 16, 0));
  });
  it('an IANA zone name in winter [TestParseWeirdDateFormat: Europe/Brussels]', () => {
    expect(parseDate('Mon, 20 Feb 2017 08:30:00 Europe/Brussels')).toBe(Date.UTC(2017, 1, 20, 7, 30));
  });
  it('a comma after the year and a zone abbreviation [TestParseWeirdDateFormat: "Tue 16 Feb 2016, 23:16:00 EDT"]', () => {
    expect(parseDate('Wed 17 Feb 2016, 01:00:00 EDT')).toBe(Date.UTC(2016, 1, 17, 5, 0));
  });
});

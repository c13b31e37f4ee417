import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/feed/parse-feed.ts';
import type { ParsedFeed } from '../../lib/feed/types.ts';

// Who wrote a post, whichever element the feed names them with. The order of the fallback
// chain is documented in lib/feed/rss-author.ts.

const URL_ = 'https://pod.example/feed';
function feedOf(doc: string): ParsedFeed {
  const r = parseFeed(new TextEncoder().encode(doc), { url: URL_ });
  if (!r.ok) throw new Error(r.error.message);
  return r.feed;
}
const NS = 'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:googleplay="http://www.google.com/schemas/play-podcasts/1.0"';
const rssAuthor = (item: string, channel = ''): string | undefined =>
  feedOf(`<rss version="2.0" ${NS}><channel><title>P</title>${channel}<item><title>t</title><guid>g</guid>${item}</item></channel></rss>`).items[0]?.author;

describe('RSS item authors', () => {
  it.each([
    ['atom:author with a name', '<atom:author><atom:name>Foo Bar</atom:name></atom:author>', 'Foo Bar'],
    ['atom:author with unprefixed children', '<atom:author><name>Foo Bar</name><email>foo@example.org</email></atom:author>', 'Foo Bar'],
    ['atom:author with only an email', '<atom:author><email>author@example.org</email></atom:author>', 'author@example.org'],
    ['atom:author with only a uri', '<atom:author><atom:uri>https://foo.example/</atom:uri></atom:author>', 'https://foo.example/'],
    ['googleplay:author', '<googleplay:author>Someone</googleplay:author>', 'Someone'],
    ['itunes:author', '<itunes:author>Someone</itunes:author>', 'Someone'],
    ['dc:creator before an atom:author', '<atom:author><atom:name>Second</atom:name></atom:author><dc:creator>First</dc:creator>', 'First'],
    ['atom:author before author', '<author>b@example.org (Second)</author><atom:author><atom:name>First</atom:name></atom:author>', 'First'],
    ['author before itunes:author', '<itunes:author>Second</itunes:author><author>a@example.org (First)</author>', 'First'],
    ['itunes:author before googleplay:author', '<googleplay:author>Second</googleplay:author><itunes:author>First</itunes:author>', 'First'],
    ['a name beats an address-only author', '<author>a@example.org</author><itunes:author>Ann Host</itunes:author>', 'Ann Host'],
    ['an address when nothing else names anyone', '<author>a@example.org</author>', 'a@example.org'],
    ['markup in an author is its text', '<author>by <a href="/author/foo">Foo Bar</a></author>', 'by Foo Bar'],
  ])('%s', (_name, item, expected) => {
    expect(rssAuthor(item)).toBe(expected);
  });

  it.each([
    ['itunes:author', '<itunes:author>Show Host</itunes:author>'],
    ['googleplay:author', '<googleplay:author>Show Host</googleplay:author>'],
    ['atom:author', '<atom:author><atom:name>Show Host</atom:name></atom:author>'],
    ['dc:creator', '<dc:creator>Show Host</dc:creator>'],
  ])('the channel\'s %s when the item names no one', (_name, channel) => {
    expect(rssAuthor('', channel)).toBe('Show Host');
    expect(rssAuthor('<dc:creator>Guest</dc:creator>', channel)).toBe('Guest');
  });

  it('a channel managingEditor (an editor\'s address) is not every post\'s author', () => {
    expect(rssAuthor('', '<managingEditor>ed@example.org (Editor)</managingEditor>')).toBeUndefined();
  });
});

describe('JSON Feed authors', () => {
  const json = (feed: Record<string, unknown>, item: Record<string, unknown>): string | undefined =>
    feedOf(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', ...feed, items: [{ id: '1', title: 't', ...item }] })).items[0]?.author;

  it.each([
    ['1.1 authors as a list', {}, { authors: [{ name: 'Ann' }, { name: 'Bob' }] }, 'Ann'],
    ['1.1 authors as one object', {}, { authors: { name: 'Ann' } }, 'Ann'],
    ['1.0 author object', {}, { author: { name: 'Ann', url: 'https://ann.example/' } }, 'Ann'],
    ['authors before author', {}, { author: { name: 'Old' }, authors: { name: 'New' } }, 'New'],
    ['a list whose first entry has no name', {}, { authors: [{ url: 'https://x.example/' }, { name: 'Bob' }] }, 'Bob'],
    ['an author given as a bare string', {}, { author: 'Ann' }, 'Ann'],
    ['the feed\'s authors object as fallback', { authors: { name: 'Feed Ann' } }, {}, 'Feed Ann'],
    ['the feed\'s 1.0 author as fallback', { author: { name: 'Feed Ann' } }, {}, 'Feed Ann'],
  ])('%s', (_name, feed, item, expected) => {
    expect(json(feed, item)).toBe(expected);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOpml } from './parse-opml';
import { serializeOpml } from './serialize-opml';
import type { OpmlFeed, OpmlResult } from './types';

function feedsOf(result: OpmlResult): OpmlFeed[] {
  if (!result.ok) throw new Error(result.error);
  return result.feeds;
}

const sortByUrl = (feeds: OpmlFeed[]) => [...feeds].sort((a, b) => a.url.localeCompare(b.url));

describe('serializeOpml', () => {
  it('writes an OPML 2.0 head with title and RFC 822 dateCreated', () => {
    const xml = serializeOpml([], { title: 'Mine & yours', dateCreated: new Date(Date.UTC(2026, 4, 27, 16, 44)) });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
    expect(xml).toContain('<title>Mine &amp; yours</title>');
    expect(xml).toContain('<dateCreated>Wed, 27 May 2026 16:44:00 GMT</dateCreated>');
  });

  it('nests folders as parent outlines', () => {
    const xml = serializeOpml(
      [
        { url: 'https://a.example/f', title: 'A', folder: 'Tech / Python' },
        { url: 'https://b.example/f', title: 'B', folder: 'Tech' },
        { url: 'https://c.example/f', title: 'C', siteUrl: 'https://c.example/' },
      ],
      { title: 'x' },
    );
    expect(xml).toContain(
      [
        '    <outline text="Tech" title="Tech">',
        '      <outline text="Python" title="Python">',
        '        <outline type="rss" text="A" title="A" xmlUrl="https://a.example/f"/>',
        '      </outline>',
        '      <outline type="rss" text="B" title="B" xmlUrl="https://b.example/f"/>',
        '    </outline>',
        '    <outline type="rss" text="C" title="C" xmlUrl="https://c.example/f" htmlUrl="https://c.example/"/>',
      ].join('\n'),
    );
  });

  it('escapes & < > " \' and control characters in attributes', () => {
    const xml = serializeOpml([{ url: 'https://a.example/?a=1&b=2', title: `<b>"Tom's" & co</b>\u0001\t\n` }], { title: 't' });
    expect(xml).toContain(
      'text="&lt;b&gt;&quot;Tom&apos;s&quot; &amp; co&lt;/b&gt;&#9;&#10;" title="&lt;b&gt;&quot;Tom&apos;s&quot; &amp; co&lt;/b&gt;&#9;&#10;" xmlUrl="https://a.example/?a=1&amp;b=2"',
    );
    expect(xml).not.toContain('\u0001');
  });

  it('round-trips planet-python.opml (545 feeds, 4 folders)', () => {
    const original = feedsOf(parseOpml(readFileSync(new URL('../../test/fixtures/planet-python.opml', import.meta.url), 'utf8')));
    const again = feedsOf(parseOpml(serializeOpml(original, { title: 'Planet Python subscriptions' })));
    expect(again).toHaveLength(545);
    expect(again).toEqual(original);
  });

  it('round-trips nasty titles, folders and URLs', () => {
    const nasty: OpmlFeed[] = [
      { url: 'https://a.example/feed?x=1&y=%22q%22', title: `"Quotes" & 'apostrophes' <tags> ]]> &amp;` },
      { url: 'https://b.example/f', title: 'Emoji 🐍 and ünïcödé', folder: 'Deep / Deeper / Deepest' },
      { url: 'https://c.example/f', title: '&lt;not decoded twice&gt;', folder: 'R&D <lab>' },
      { url: 'https://d.example/f', title: 'D', siteUrl: 'https://d.example/?a=1&b=2', folder: "Tom's \"folder\"" },
      { url: 'http://e.example/f', title: 'e.example' },
    ];
    const back = feedsOf(parseOpml(serializeOpml(nasty, { title: 'nasty' })));
    expect(sortByUrl(back)).toEqual(sortByUrl(nasty));
  });

  it('round-trips after normalizing whitespace and control characters', () => {
    const back = feedsOf(parseOpml(serializeOpml([{ url: 'https://a.example/', title: ' tab\there\nnewline\u0007 ' }], { title: 't' })));
    expect(back[0]?.title).toBe('tab here newline');
  });
});

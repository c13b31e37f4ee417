import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOpml } from './parse-opml';
import type { OpmlResult } from './types';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8');

function ok(result: OpmlResult) {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result;
}

const opml = (body: string, head = '<head><title>T</title></head>') =>
  `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0">${head}<body>${body}</body></opml>`;

describe('parseOpml: planet-python.opml', () => {
  const result = ok(parseOpml(fixture('planet-python.opml')));

  it('reads all 545 feeds and the head title', () => {
    expect(result.title).toBe('Planet Python subscriptions');
    expect(result.feeds).toHaveLength(545);
    expect(result.invalid).toEqual([]);
  });

  it('puts each feed in its folder', () => {
    const perFolder = new Map<string | undefined, number>();
    for (const feed of result.feeds) perFolder.set(feed.folder, (perFolder.get(feed.folder) ?? 0) + 1);
    expect(Object.fromEntries(perFolder)).toEqual({
      Blogs: 386,
      'Companies & Projects': 139,
      'User groups': 12,
      Podcasts: 8,
    });
  });

  it('decodes entities in titles and keeps site URLs', () => {
    expect(result.feeds[0]).toEqual({
      url: 'http://mathspp-pydonts.example/feed.xml',
      title: '"Mathspp Pydon\'ts"',
      siteUrl: 'http://mathspp-pydonts.example/',
      folder: 'Blogs',
    });
    expect(new Set(result.feeds.map((f) => f.url)).size).toBe(545);
  });
});

describe('parseOpml: outlines', () => {
  it('joins nested folder names with " / "', () => {
    const result = ok(
      parseOpml(
        opml(`<outline text="Tech"><outline text="Python"><outline text="Web">
          <outline text="Django" xmlUrl="https://djangoproject.com/rss/weblog/"/>
        </outline><outline text="PyPy" xmlUrl="https://pypy.org/rss.xml"/></outline></outline>
        <outline text="Top" xmlUrl="https://top.example/feed"/>`),
      ),
    );
    expect(result.feeds.map((f) => [f.title, f.folder])).toEqual([
      ['Django', 'Tech / Python / Web'],
      ['PyPy', 'Tech / Python'],
      ['Top', undefined],
    ]);
  });

  it('falls back from title to text to the URL host', () => {
    const result = ok(
      parseOpml(
        opml(`<outline title="By title" text="ignored" xmlUrl="http://a.example/f"/>
          <outline text="By text" xmlUrl="http://b.example/f"/>
          <outline title="  " xmlUrl="http://c.example:8080/f"/>`),
      ),
    );
    expect(result.feeds.map((f) => f.title)).toEqual(['By title', 'By text', 'c.example:8080']);
  });

  it('accepts any casing of xmlUrl, a missing type, and a url attribute', () => {
    const result = ok(
      parseOpml(
        opml(`<outline text="a" xmlurl="http://a.example/f"/><outline text="b" XMLURL="http://b.example/f"/>
          <outline text="c" type="atom" url="http://c.example/f"/><outline text="d" url="http://d.example/f"/>
          <outline text="page" type="link" url="http://page.example/"/>`),
      ),
    );
    expect(result.feeds.map((f) => f.title)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('decodes named, decimal and hex references', () => {
    const result = ok(parseOpml(opml(`<outline text="&quot;Q&quot; &amp; &#39;A&#x27; &lt;3 &apos;" xmlUrl="http://a.example/?x=1&amp;y=2"/>`)));
    expect(result.feeds[0]).toMatchObject({ title: `"Q" & 'A' <3 '`, url: 'http://a.example/?x=1&y=2' });
  });

  it('turns feed: URLs into http(s)', () => {
    const result = ok(
      parseOpml(opml(`<outline text="a" xmlUrl="feed://a.example/rss"/><outline text="b" xmlUrl="feed:https://b.example/atom"/>`)),
    );
    expect(result.feeds.map((f) => f.url)).toEqual(['http://a.example/rss', 'https://b.example/atom']);
  });

  it('reports invalid URLs with a reason instead of importing them', () => {
    const result = ok(
      parseOpml(
        opml(`<outline text="js" xmlUrl="javascript:alert(1)"/><outline text="rel" xmlUrl="/feed.xml"/>
          <outline text="empty" xmlUrl=""/><outline xmlUrl="ftp://x.example/f"/><outline text="good" xmlUrl="https://g.example/"/>
          <outline type="rss" text="no url"/><outline text="just a note"/>`),
      ),
    );
    expect(result.feeds.map((f) => f.title)).toEqual(['good']);
    expect(result.invalid).toEqual([
      { text: 'js', reason: expect.stringContaining('unsupported scheme "javascript:"') },
      { text: 'rel', reason: expect.stringContaining('not an absolute URL') },
      { text: 'empty', reason: 'missing feed URL' },
      { text: 'ftp://x.example/f', reason: expect.stringContaining('"ftp:"') },
      { text: 'no url', reason: 'missing feed URL' },
    ]);
  });

  it('drops an htmlUrl that is not http(s)', () => {
    const result = ok(parseOpml(opml(`<outline text="a" xmlUrl="http://a.example/f" htmlUrl="javascript:alert(1)"/>`)));
    expect(result.feeds[0]).not.toHaveProperty('siteUrl');
  });

  it('accepts an empty body and a missing head', () => {
    expect(parseOpml('<opml version="1.0"><body/></opml>')).toEqual({ ok: true, feeds: [], invalid: [] });
  });

  it('does not expand DTD entities (billion laughs)', () => {
    const lol = '<!ENTITY lol "lollollollollollollollollollol">';
    const nest = Array.from({ length: 8 }, (_, i) => `<!ENTITY l${i + 1} "${`&${i === 0 ? 'lol' : `l${i}`};`.repeat(10)}">`).join('');
    const text = `<?xml version="1.0"?><!DOCTYPE opml [${lol}${nest}]><opml><head><title>&l8;</title></head><body><outline text="&l8;" xmlUrl="http://a.example/"/></body></opml>`;
    const result = ok(parseOpml(text));
    expect(result.title).toBe('&l8;');
    expect(result.feeds[0]?.title).toBe('&l8;');
  });
});

describe('parseOpml: not OPML', () => {
  it.each([
    ['', /is empty/],
    ['just some words', /not XML/],
    ['{"feeds": []}', /JSON/],
    ['<!DOCTYPE html><html><head><title>Blog</title></head><body><p>hi</body></html>', /web page \(HTML\)/],
    ['<rss version="2.0"><channel><title>x</title></channel></rss>', /RSS feed/],
    ['<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', /Atom feed/],
    ['<subscriptions><item/></subscriptions>', /root element is <subscriptions>/],
    ['<constructor/>', /malformed|root element/],
    ['<opml version="2.0"><head><title>x</title></head></opml>', /no <body>/],
  ])('rejects %j', (text, message) => {
    const result = parseOpml(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^This file is not OPML: /);
      expect(result.error).toMatch(message);
    }
  });
});

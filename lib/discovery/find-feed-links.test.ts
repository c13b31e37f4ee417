import { describe, expect, it } from 'vitest';
import { findFeedLinks } from './find-feed-links';

const PAGE = 'https://blog.example/posts/2024/hello.html';

describe('findFeedLinks: <link rel=alternate>', () => {
  it('finds RSS, Atom, RDF and JSON Feed links with titles, in document order', () => {
    const html = `<!doctype html><html><head>
      <link rel="alternate" type="application/rss+xml" title="Blog &raquo; Feed" href="https://blog.example/feed/">
      <link rel="alternate" type="application/atom+xml" href="/atom.xml" title="Atom">
      <link rel="alternate" type="application/rdf+xml" href="/index.rdf">
      <link rel="alternate" type="application/feed+json" href="/feed.json" title="JSON Feed">
      <link rel="stylesheet" href="/style.css">
    </head><body></body></html>`;
    expect(findFeedLinks(html, PAGE)).toEqual([
      { url: 'https://blog.example/feed/', title: 'Blog \u00bb Feed', type: 'rss', source: 'link' },
      { url: 'https://blog.example/atom.xml', title: 'Atom', type: 'atom', source: 'link' },
      { url: 'https://blog.example/index.rdf', type: 'rdf', source: 'link' },
      { url: 'https://blog.example/feed.json', title: 'JSON Feed', type: 'json', source: 'link' },
    ]);
  });

  it('accepts any attribute order, quoting, casing and rel lists', () => {
    const html = `<LINK HREF=/a.rss TYPE="Application/RSS+XML; charset=utf-8" REL="Alternate">
      <link href='/b' title='B' rel='home alternate' type='application/atom+xml'/>
      <link
        type="application/rss+xml"
        rel="alternate"
        href="c.rss">`;
    expect(findFeedLinks(html, PAGE).map((f) => [f.url, f.type])).toEqual([
      ['https://blog.example/a.rss', 'rss'],
      ['https://blog.example/b', 'atom'],
      ['https://blog.example/posts/2024/c.rss', 'rss'],
    ]);
  });

  it('finds feed links in <body> too', () => {
    const html = '<body><p>x</p><link rel="alternate" type="application/rss+xml" href="/in-body.xml"></body>';
    expect(findFeedLinks(html, PAGE)[0]?.url).toBe('https://blog.example/in-body.xml');
  });

  it('resolves relative hrefs against <base href>, even a <base> after the link', () => {
    const html = `<link rel="alternate" type="application/rss+xml" href="feed.xml"><base href="https://cdn.example/blog/">`;
    expect(findFeedLinks(html, PAGE)[0]?.url).toBe('https://cdn.example/blog/feed.xml');
    const relativeBase = `<base href="/sub/"><link rel="alternate" type="application/rss+xml" href="rss">`;
    expect(findFeedLinks(relativeBase, PAGE)[0]?.url).toBe('https://blog.example/sub/rss');
  });

  it('turns feed: and feed:// links into http(s)', () => {
    const html = `<link rel="alternate" type="application/rss+xml" href="feed://blog.example/rss">
      <link rel="alternate" type="application/atom+xml" href="feed:https://blog.example/atom">`;
    expect(findFeedLinks(html, PAGE).map((f) => f.url)).toEqual(['http://blog.example/rss', 'https://blog.example/atom']);
  });

  it('decodes entities in href and title', () => {
    const html = `<link rel="alternate" type="application/rss+xml" title="Tom&#39;s &quot;Posts&quot; &amp; more" href="/feed?cat=1&amp;tag=py&copy=2">`;
    expect(findFeedLinks(html, PAGE)[0]).toEqual({
      url: 'https://blog.example/feed?cat=1&tag=py&copy=2',
      title: 'Tom\'s "Posts" & more',
      type: 'rss',
      source: 'link',
    });
  });

  it('does not mistake prototype names for known entities or MIME types', () => {
    const html = `<link rel="alternate" type="constructor" href="/a"><link rel="alternate" type="application/rss+xml" title="&constructor; &toString;" href="/b">`;
    expect(findFeedLinks(html, PAGE)).toEqual([
      { url: 'https://blog.example/b', title: '&constructor; &toString;', type: 'rss', source: 'link' },
    ]);
  });

  it('removes duplicates, keeping the first and borrowing a missing title', () => {
    const html = `<link rel="alternate" type="application/rss+xml" href="/feed">
      <link rel="alternate" type="application/rss+xml" href="https://blog.example/feed" title="Main">
      <link rel="alternate" type="application/rss+xml" href="/feed" title="Again">`;
    expect(findFeedLinks(html, PAGE)).toEqual([{ url: 'https://blog.example/feed', title: 'Main', type: 'rss', source: 'link' }]);
  });

  it('accepts application/json only when it looks like a feed, and generic XML with a guessed type', () => {
    const html = `<link rel="alternate" type="application/json" href="https://blog.example/wp-json/wp/v2/posts/1">
      <link rel="alternate" type="application/json" title="JSON Feed" href="/index.json">
      <link rel="alternate" type="application/json+oembed" href="/oembed?url=x">
      <link rel="alternate" type="text/xml" href="/atom/">
      <link rel="alternate" type="application/xml" href="/updates.xml">`;
    expect(findFeedLinks(html, PAGE).map((f) => [f.url, f.type])).toEqual([
      ['https://blog.example/index.json', 'json'],
      ['https://blog.example/atom/', 'atom'],
      ['https://blog.example/updates.xml', 'unknown'],
    ]);
  });

  it('ignores non-alternate rels, hreflang alternates, unsafe schemes, comments and scripts', () => {
    const html = `<link rel="alternate" hreflang="fr" href="/fr/">
      <link rel="alternate stylesheet" type="text/css" href="/dark.css">
      <link rel="feed" type="application/rss+xml" href="/not-alternate.xml">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" type="application/rss+xml" href="">
      <!-- <link rel="alternate" type="application/rss+xml" href="/commented.xml"> -->
      <script>document.write('<link rel="alternate" type="application/rss+xml" href="/scripted.xml">')</script>`;
    expect(findFeedLinks(html, PAGE)).toEqual([]);
  });
});

describe('findFeedLinks: <a> heuristics', () => {
  it('reports feed-looking anchors with source "anchor" when there are no <link> feeds', () => {
    const html = `<a href="/feed/">Subscribe</a> <a href="/posts.atom">x</a> <a href="/index.rdf">y</a>
      <a href="https://feeds.example/blog.rss">z</a> <a href="/feed.json">j</a> <a href="/rss">r</a>
      <a href="/subscribe">RSS</a> <a href="/about">About</a> <a href="/sitemap.xml">Sitemap</a>
      <a href="/x"><img src="/rss.png" alt="Atom feed"></a>`;
    expect(findFeedLinks(html, PAGE).map((f) => [f.url, f.type, f.source, f.title])).toEqual([
      ['https://blog.example/feed/', 'unknown', 'anchor', 'Subscribe'],
      ['https://blog.example/posts.atom', 'atom', 'anchor', 'x'],
      ['https://blog.example/index.rdf', 'rdf', 'anchor', 'y'],
      ['https://feeds.example/blog.rss', 'rss', 'anchor', 'z'],
      ['https://blog.example/feed.json', 'json', 'anchor', 'j'],
      ['https://blog.example/rss', 'rss', 'anchor', 'r'],
      ['https://blog.example/subscribe', 'rss', 'anchor', 'RSS'],
      ['https://blog.example/x', 'atom', 'anchor', 'Atom feed'],
    ]);
  });

  it('ignores anchors when the page declares <link> feeds', () => {
    const html = `<link rel="alternate" type="application/rss+xml" href="/feed"><a href="/other.rss">RSS</a>`;
    expect(findFeedLinks(html, PAGE).map((f) => f.source)).toEqual(['link']);
  });

  it('survives broken markup without hanging', () => {
    const broken = `<a href="/feed.xml">RSS<a href='/atom.xml'>Atom` + '<a x='.repeat(20000) + '<link rel="alternate';
    const started = Date.now();
    const found = findFeedLinks(broken, PAGE);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(found.map((f) => f.url)).toEqual(['https://blog.example/feed.xml', 'https://blog.example/atom.xml']);
  });
});

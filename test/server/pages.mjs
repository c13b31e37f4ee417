// HTML pages and hostile feeds served by the fixture server for browser tests and the demo.
import { readFileSync } from 'node:fs';

/**
 * About one second of silent MP3 (MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono): frames of a
 * header and zeroed side information, which decoders play as silence. Served for the
 * podcast episodes of the fixtures so the player test can play one to its end.
 */
function silentMp3(frames = 39) {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0xc0]);
  return Buffer.concat(Array.from({ length: frames }, () => frame));
}

const episodeUrls = [
  ...readFileSync(new URL('../fixtures/feeds/python-bytes.xml', import.meta.url), 'utf8').matchAll(/<enclosure url="([^"]+)"/g),
].map((m) => m[1]);
// The newest episode lasts 30 s (long enough to scroll away while it plays); the others 1 s.
const episodes = Object.fromEntries(episodeUrls.map((url, i) => [url, { type: 'audio/mpeg', body: silentMp3(i === 0 ? 1150 : 39) }]));

const hostileFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Hostile Blog</title><link>http://hostile.example/</link>
<item><title>A post with a script</title><link>http://hostile.example/script</link><guid>hostile-1</guid>
<pubDate>Sat, 26 Apr 2025 10:00:00 GMT</pubDate>
<description><![CDATA[<p>Before</p><script>window.__orreryPwned = 'script'</script><img src="x" onerror="window.__orreryPwned='onerror'"><a href="javascript:window.__orreryPwned='href'">click</a><p style="position:fixed;top:0">overlay</p><iframe src="http://hostile.example/frame"></iframe><p>After</p>]]></description>
</item></channel></rss>`;

/** URL -> { type, body }. */
export const pages = {
  'http://blog-with-feed.example/': {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><title>A blog with a feed</title>
<link rel="alternate" type="application/rss+xml" title="A blog (RSS)" href="/feed.xml">
<link rel="alternate" type="application/atom+xml" title="A blog (Atom)" href="http://blog-with-feed.example/atom.xml">
</head><body><h1>A blog</h1><p>Posts go here.</p></body></html>`,
  },
  'http://blog-with-feed.example/feed.xml': {
    type: 'application/rss+xml',
    body: `<?xml version="1.0"?><rss version="2.0"><channel><title>A blog</title><link>http://blog-with-feed.example/</link>
<item><title>Hello from a detected feed</title><link>http://blog-with-feed.example/hello</link><guid>http://blog-with-feed.example/hello</guid><pubDate>Mon, 01 Jun 2026 08:00:00 GMT</pubDate><description>Hi.</description></item>
</channel></rss>`,
  },
  'http://no-feed.example/': {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><title>No feed here</title><link rel="stylesheet" href="/s.css"></head><body><p>Nothing to subscribe to.</p></body></html>`,
  },
  'http://hostile.example/feed.xml': { type: 'application/rss+xml', body: hostileFeed },
  ...episodes,
};

// ---- Subscribing: detection pages, sites to subscribe to, bad inputs (test/browser/detection.test.ts, subscribing.test.ts).

const rssOf = (site, title, n = 3, { full = false } = {}) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${title}</title><link>http://${site}/</link><description>Posts from ${title}</description>
${Array.from({ length: n }, (_, i) => `<item><title>${title} post ${i + 1}</title><link>http://${site}/posts/${i + 1}</link><guid>http://${site}/posts/${i + 1}</guid><pubDate>${new Date(Date.UTC(2026, 4, 30 - i * 3, 9)).toUTCString()}</pubDate><description>Summary of post ${i + 1}.</description>${full ? `<content:encoded><![CDATA[<p>${'Full text of the post, with enough words to read as a whole article rather than an excerpt. '.repeat(12)}</p><pre>print("hello")</pre>]]></content:encoded>` : ''}</item>`).join('\n')}
</channel></rss>`;

const atomOf = (site, title, n = 3) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title><id>tag:${site},2026:feed</id><link href="http://${site}/"/><updated>2026-05-30T09:00:00Z</updated>
${Array.from({ length: n }, (_, i) => `<entry><title>${title} entry ${i + 1}</title><id>tag:${site},2026:${i + 1}</id><link href="http://${site}/entries/${i + 1}"/><updated>${new Date(Date.UTC(2026, 4, 30 - i * 7, 9)).toISOString()}</updated><content type="html">&lt;p&gt;${'A complete article body with paragraphs of text that a reader can read without leaving the feed reader. '.repeat(10)}&lt;/p&gt;</content></entry>`).join('\n')}
</feed>`;

const jsonFeedOf = (site, title) => JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title,
  home_page_url: `http://${site}/`,
  items: [{ id: `http://${site}/j/1`, url: `http://${site}/j/1`, title: `${title} item`, content_text: 'Hello.', date_published: '2026-05-29T10:00:00Z' }],
});

const html = (title, head, body = '<p>Hello.</p>') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
const HTML = 'text/html; charset=utf-8';

Object.assign(pages, {
  // Link tags in odd places: an upper-case rel, a MIME type with parameters, a parent-relative
  // href, a feed: URL in <body>, a directory-relative RDF, and alternates that are not feeds.
  'http://odd-links.example/blog/post.html': {
    type: HTML,
    body: html(
      'Odd links',
      `<link rel="stylesheet" type="text/css" href="/s.css">
<link rel="alternate" hreflang="fr" href="/fr/blog/post.html">
<link rel="ALTERNATE" type="application/rss+xml; charset=utf-8" href="../feed.rss" title="Odd &amp; Ends (RSS)">
<link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/7">
<link rel="alternate" type="application/feed+json" href="/feed.json" title="Odd JSON">`,
      `<article><p>A post.</p>
<link rel="alternate" type="application/atom+xml" href="feed:http://odd-links.example/atom.xml" title="Odd Atom">
<link rel="alternate" type="application/rdf+xml" href="index.rdf" title="Odd RDF">
</article>`,
    ),
  },
  'http://odd-links.example/feed.rss': { type: 'application/rss+xml', body: rssOf('odd-links.example', 'Odd &amp; Ends') },
  // A <base href> elsewhere: relative feed links resolve against it.
  'http://base-href.example/articles/': {
    type: HTML,
    body: html('Base href', `<base href="http://cdn-base.example/sub/"><link rel="alternate" type="application/atom+xml" href="feed.atom" title="Based Atom">`),
  },
  // A blog engine's three feeds: posts, comments, and a category.
  'http://wordpress-like.example/': {
    type: HTML,
    body: html(
      'WordPress-like blog',
      `<link rel="alternate" type="application/rss+xml" title="WP Blog &raquo; Comments Feed" href="http://wordpress-like.example/comments/feed/">
<link rel="alternate" type="application/rss+xml" title="WP Blog &raquo; Feed" href="http://wordpress-like.example/feed/">
<link rel="alternate" type="application/atom+xml" title="WP Blog &raquo; Atom" href="http://wordpress-like.example/feed/atom/">`,
    ),
  },
  'http://wordpress-like.example/feed/': { type: 'application/rss+xml; charset=UTF-8', body: rssOf('wordpress-like.example', 'WP Blog', 5) },
  'http://wordpress-like.example/feed/atom/': { type: 'application/atom+xml; charset=UTF-8', body: atomOf('wordpress-like.example', 'WP Blog (Atom)', 5) },
  'http://wordpress-like.example/comments/feed/': { type: 'application/rss+xml; charset=UTF-8', body: rssOf('wordpress-like.example', 'Comments on WP Blog', 2) },
  // A site with one feed: subscribing to the site's address finds it.
  'http://one-feed.example/': { type: HTML, body: html('One Feed Site', '<link rel="alternate" type="application/atom+xml" title="One Feed" href="/atom.xml">') },
  'http://one-feed.example/atom.xml': { type: 'application/atom+xml', body: atomOf('one-feed.example', 'One Feed', 4) },
  // Raw feeds shown in the tab.
  'http://raw-feed.example/feed.xml': { type: 'text/xml', body: rssOf('raw-feed.example', 'Raw RSS', 2, { full: true }) },
  'http://raw-feed.example/atom': { type: 'application/atom+xml', body: atomOf('raw-feed.example', 'Raw Atom', 2) },
  'http://raw-feed.example/feed.json': { type: 'application/json', body: jsonFeedOf('raw-feed.example', 'Raw JSON') },
  // A single-page app: no feed link at first; after pushState to /posts/ it adds one; going
  // back removes it again.
  'http://spa.example/': {
    type: HTML,
    body: html(
      'SPA home',
      '',
      `<nav><a href="/posts/" id="go">Posts</a></nav><main id="view">Home</main>
<script>
function render() {
  const old = document.querySelector('link[data-spa]');
  if (old) old.remove();
  if (location.pathname.startsWith('/posts/')) {
    document.title = 'SPA posts';
    const link = document.createElement('link');
    link.rel = 'alternate'; link.type = 'application/rss+xml'; link.title = 'SPA posts feed'; link.href = '/posts/feed.xml';
    link.dataset.spa = '1';
    setTimeout(() => document.head.appendChild(link), 150);
  } else document.title = 'SPA home';
}
document.getElementById('go').addEventListener('click', (e) => { e.preventDefault(); history.pushState({}, '', '/posts/'); render(); });
window.addEventListener('popstate', render);
</script>`,
    ),
  },
  'http://spa.example/posts/feed.xml': { type: 'application/rss+xml', body: rssOf('spa.example', 'SPA posts') },
  // A site that links no feed but has one at a well-known address (found only by a probe).
  'http://probe-me.example/': { type: HTML, body: html('Probe me', '') },
  'http://probe-me.example/index.xml': { type: 'application/rss+xml', body: rssOf('probe-me.example', 'Probed feed', 3, { full: true }) },
  // Bad inputs.
  'http://json-api.example/data.json': { type: 'application/json', body: JSON.stringify({ users: [{ id: 1, name: 'Ada' }], total: 1 }) },
  'http://opml-by-mistake.example/list.opml': {
    type: 'text/x-opml',
    body: '<?xml version="1.0"?><opml version="2.0"><head><title>A list</title></head><body><outline type="rss" text="A" xmlUrl="http://a.example/feed.xml"/></body></opml>',
  },
  // A Planet's page that links its OPML list.
  'http://planet-page.example/': { type: HTML, body: html('Planet Page', '', '<p><a href="/opml.xml">Subscriptions (OPML)</a></p>') },
  'http://planet-page.example/opml.xml': {
    type: 'text/x-opml',
    body: '<?xml version="1.0"?><opml version="2.0"><head><title>Planet Page</title></head><body><outline text="Members"><outline type="rss" text="One Feed" xmlUrl="http://one-feed.example/atom.xml"/><outline type="rss" text="Probed" xmlUrl="http://probe-me.example/index.xml"/></outline></body></opml>',
  },
});

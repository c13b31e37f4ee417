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
const episodes = Object.fromEntries(episodeUrls.map((url) => [url, { type: 'audio/mpeg', body: silentMp3() }]));

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

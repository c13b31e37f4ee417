/**
 * The publishers the politeness suites (Chromium and Firefox) refresh against: validators with a
 * tricky ETag and a new one in the 304, a 429 with Retry-After, a 301 and a 302, a 410, and six
 * slow feeds on one host. Installed as overrides of the fixture server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const ETAG_1 = 'W/"v1; tricky=\\"yes\\""';
export const ETAG_2 = '"v2"';
export const LAST_MODIFIED = 'Mon, 01 Jun 2026 10:00:00 GMT';
export const VALIDATORS = 'http://validators.example/feed.xml';
export const BUSY = Array.from({ length: 6 }, (_, i) => `http://busy.example/feed-${i}.xml`);
/** Every feed to subscribe to, in OPML order. */
export const POLITE_FEEDS = [VALIDATORS, 'http://ratelimited.example/feed.xml', 'http://moved.example/feed.xml', 'http://temp.example/feed.xml', 'http://gone.example/feed.xml', ...BUSY];

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const rss = (title: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>http://x.example/</link><item><title>${title} post</title><guid>${title}-1</guid><pubDate>Mon, 01 Jun 2026 10:00:00 GMT</pubDate></item></channel></rss>`;
const ok = (title: string, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/rss+xml', ...headers }).end(rss(title));
};

/** Sets the publishers into a fixture server's overrides. */
export function installPolitePublishers(o: Map<string, (req: IncomingMessage, res: ServerResponse, ...rest: never[]) => void>): void {
  let validatorHits = 0;
  o.set(VALIDATORS, (req, res) => {
    validatorHits++;
    if (validatorHits === 1) return ok('Validators', { ETag: ETAG_1, 'Last-Modified': LAST_MODIFIED })(req, res);
    // Later answers: not modified, with a new ETag the reader must adopt.
    res.writeHead(304, { ETag: ETAG_2 }).end();
  });
  // The site's own page, where a reader's visit may leave a cookie the feed requests must not carry.
  o.set('http://validators.example/', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': 'session=secret; Path=/' }).end('<!doctype html><title>Validators</title><p>Hello</p>');
  });
  o.set('http://ratelimited.example/feed.xml', (_req, res) => res.writeHead(429, { 'Retry-After': '3600' }).end('slow down'));
  o.set('http://moved.example/feed.xml', (_req, res) => res.writeHead(301, { Location: 'http://moved.example/new.xml' }).end());
  o.set('http://moved.example/new.xml', ok('Moved'));
  o.set('http://temp.example/feed.xml', (_req, res) => res.writeHead(302, { Location: 'http://temp.example/today.xml' }).end());
  o.set('http://temp.example/today.xml', ok('Temporary'));
  o.set('http://gone.example/feed.xml', (_req, res) => res.writeHead(410).end('gone'));
  for (const url of BUSY) o.set(url, (req, res) => setTimeout(() => ok(url)(req, res), 150));
}

/** An OPML of `urls`. */
export const opmlOf = (urls: string[]): string =>
  `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>${urls.map((u) => `<outline type="rss" text="${u}" xmlUrl="${u}"/>`).join('')}</body></opml>`;

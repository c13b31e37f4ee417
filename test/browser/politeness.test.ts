/**
 * Politeness, proved against a server that logs every request and sends
 * `Cache-Control: no-store` (so Chromium's HTTP cache cannot answer for Orrery).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server.mjs';
import { launchOrrery, type Orrery } from './launch';
import { sendFromPage, waitForRefresh } from './helpers';

const rss = (title: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>http://x.example/</link><item><title>${title} post</title><guid>${title}-1</guid><pubDate>Mon, 01 Jun 2026 10:00:00 GMT</pubDate></item></channel></rss>`;

const ETAG_1 = 'W/"v1; tricky=\\"yes\\""';
const ETAG_2 = '"v2"';
const LAST_MODIFIED = 'Mon, 01 Jun 2026 10:00:00 GMT';
const BUSY = Array.from({ length: 6 }, (_, i) => `http://busy.example/feed-${i}.xml`);

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const ok = (title: string, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/rss+xml', ...headers }).end(rss(title));
};

let server: FixtureServer;
let orrery: Orrery;
let page: Page;

function requests(url: string) {
  return server.log.filter((r) => r.url === url);
}

async function refresh(): Promise<void> {
  const since = Date.now();
  await sendFromPage(page, { type: 'refresh-all' });
  await waitForRefresh(page, since);
}

beforeAll(async () => {
  server = await startFixtureServer();
  const o = server.overrides;
  let validatorHits = 0;
  o.set('http://validators.example/feed.xml', (req, res) => {
    validatorHits++;
    if (validatorHits === 1) return ok('Validators', { ETag: ETAG_1, 'Last-Modified': LAST_MODIFIED })(req, res);
    // Second answer: not modified, with a new ETag the reader must adopt.
    res.writeHead(304, { ETag: ETAG_2 }).end();
  });
  o.set('http://ratelimited.example/feed.xml', (_req, res) => res.writeHead(429, { 'Retry-After': '3600' }).end('slow down'));
  o.set('http://moved.example/feed.xml', (_req, res) => res.writeHead(301, { Location: 'http://moved.example/new.xml' }).end());
  o.set('http://moved.example/new.xml', ok('Moved'));
  o.set('http://temp.example/feed.xml', (_req, res) => res.writeHead(302, { Location: 'http://temp.example/today.xml' }).end());
  o.set('http://temp.example/today.xml', ok('Temporary'));
  o.set('http://gone.example/feed.xml', (_req, res) => res.writeHead(410).end('gone'));
  for (const url of BUSY) {
    o.set(url, (req, res) => setTimeout(() => ok(url)(req, res), 150));
  }
  orrery = await launchOrrery({ serverPort: server.port });
  await orrery.context.addCookies([{ name: 'session', value: 'secret', domain: 'validators.example', path: '/' }]);
  page = await orrery.open('/options.html');
  const urls = ['http://validators.example/feed.xml', 'http://ratelimited.example/feed.xml', 'http://moved.example/feed.xml', 'http://temp.example/feed.xml', 'http://gone.example/feed.xml', ...BUSY];
  const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>${urls.map((u) => `<outline type="rss" text="${u}" xmlUrl="${u}"/>`).join('')}</body></opml>`;
  await page.getByTestId('opml-file').setInputFiles({ name: 'polite.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
  await page.getByTestId('import-report').waitFor();
  await refresh();
  await refresh();
});

afterAll(async () => {
  await orrery?.close();
  await server?.close();
});

describe('politeness', () => {
  it('makes only the first request to a feed unconditional, and sends no cookies', () => {
    for (const url of ['http://validators.example/feed.xml', 'http://temp.example/feed.xml', ...BUSY]) {
      const [first, ...rest] = requests(url);
      expect(first, url).toBeDefined();
      expect(first!.ifNoneMatch, url).toBeUndefined();
      expect(first!.ifModifiedSince, url).toBeUndefined();
      expect(rest.length, url).toBeGreaterThan(0);
    }
    expect(server.log.every((r) => r.cookie === undefined)).toBe(true);
  });

  it('sends the validators back byte for byte, and adopts a new ETag from a 304', async () => {
    const [, second, third] = requests('http://validators.example/feed.xml');
    expect(second).toMatchObject({ ifNoneMatch: ETAG_1, ifModifiedSince: LAST_MODIFIED });
    await refresh();
    const fourth = requests('http://validators.example/feed.xml')[3] ?? third;
    expect(fourth?.ifNoneMatch).toBe(ETAG_2);
  });

  it('respects Retry-After, even when the user asks for a refresh', () => {
    expect(requests('http://ratelimited.example/feed.xml')).toHaveLength(1);
  });

  it('adopts a 301 and not a 302', async () => {
    const moved = page.locator('[data-testid="subscription"][data-feed-url="http://moved.example/new.xml"]');
    await expect.poll(() => moved.count()).toBe(1);
    expect(requests('http://moved.example/feed.xml')).toHaveLength(1);
    expect(requests('http://moved.example/new.xml').length).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-testid="subscription"][data-feed-url="http://temp.example/feed.xml"]').count()).toBe(1);
    expect(requests('http://temp.example/feed.xml').length).toBeGreaterThanOrEqual(2);
  });

  it('never requests a 410 feed again and tells the user it is gone', async () => {
    expect(requests('http://gone.example/feed.xml')).toHaveLength(1);
    const status = page.locator('[data-testid="subscription"][data-feed-url="http://gone.example/feed.xml"] [data-testid="subscription-status"]');
    await expect.poll(() => status.textContent()).toBe('Gone');
  });

  it('never has two requests in flight to one host', () => {
    const busy = server.log.filter((r) => r.host === 'busy.example');
    expect(busy.length).toBeGreaterThanOrEqual(12);
    expect(Math.max(...server.log.map((r) => r.concurrentOnHost))).toBe(1);
  });
});

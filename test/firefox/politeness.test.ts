/**
 * Politeness in Firefox, against the server the Chromium suite uses (every request logged,
 * `Cache-Control: no-store`): Firefox's background is an event page with its own fetch, HTTP
 * cache and cookie jar, so what the Chromium suite proves is proved here again. Conditional GET
 * with the validators sent back byte for byte, no cookies, Retry-After, a 301 adopted and a 302
 * not, a 410 never asked again, one request at a time to a host.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server.mjs';
import { firefoxMissing, launchFirefox, orreryErrors, type FirefoxOrrery } from './firefox';
import { send, text, tid, waitForRefresh } from './page-helpers';

const missing = firefoxMissing();
if (missing) console.warn(`Firefox suite skipped: ${missing}`);

const rss = (title: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>http://x.example/</link><item><title>${title} post</title><guid>${title}-1</guid><pubDate>Mon, 01 Jun 2026 10:00:00 GMT</pubDate></item></channel></rss>`;

const ETAG_1 = 'W/"v1; tricky=\\"yes\\""';
const ETAG_2 = '"v2"';
const LAST_MODIFIED = 'Mon, 01 Jun 2026 10:00:00 GMT';
const VALIDATORS = 'http://validators.example/feed.xml';
const BUSY = Array.from({ length: 6 }, (_, i) => `http://busy.example/feed-${i}.xml`);

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const ok = (title: string, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/rss+xml', ...headers }).end(rss(title));
};

let server: FixtureServer;
let ff: FirefoxOrrery;
let options: Page;

const requests = (url: string) => server.log.filter((r) => r.url === url);
const statusOf = (url: string) => text(options, `[data-testid="subscription"][data-feed-url="${url}"] [data-testid="subscription-status"]`);

async function refresh(): Promise<void> {
  const since = Date.now();
  await send(options, { type: 'refresh-all' });
  await waitForRefresh(options, since);
}

describe.skipIf(missing)('politeness in Firefox', () => {
  beforeAll(async () => {
    server = await startFixtureServer();
    const o = server.overrides;
    let validatorHits = 0;
    o.set(VALIDATORS, (req, res) => {
      validatorHits++;
      if (validatorHits === 1) return ok('Validators', { ETag: ETAG_1, 'Last-Modified': LAST_MODIFIED })(req, res);
      // Later answers: not modified, with a new ETag the reader must adopt.
      res.writeHead(304, { ETag: ETAG_2 }).end();
    });
    // The reader's own visit to the site leaves a cookie the feed requests must not carry.
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

    ff = await launchFirefox({ serverPort: server.port });
    const site = await ff.visit('http://validators.example/');
    expect(await site.evaluate(() => document.cookie)).toBe('session=secret');
    await site.close();

    options = await ff.open('/options.html');
    const urls = [VALIDATORS, 'http://ratelimited.example/feed.xml', 'http://moved.example/feed.xml', 'http://temp.example/feed.xml', 'http://gone.example/feed.xml', ...BUSY];
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>${urls.map((u) => `<outline type="rss" text="${u}" xmlUrl="${u}"/>`).join('')}</body></opml>`;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'orrery-ff-polite-')), 'polite.opml');
    writeFileSync(file, opml);
    const input = (await options.waitForSelector(tid('opml-file'))) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await options.waitForFunction((sel, added) => document.querySelector(sel)?.textContent?.includes(added) ?? false, { timeout: 60_000 }, tid('import-report'), `${urls.length} added`);
    await refresh();
    await refresh();
  });

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('makes only the first request to a feed unconditional, and sends no cookies', () => {
    for (const url of [VALIDATORS, 'http://temp.example/feed.xml', ...BUSY]) {
      const [first, ...rest] = requests(url);
      expect(first, url).toBeDefined();
      expect(first!.ifNoneMatch, url).toBeUndefined();
      expect(first!.ifModifiedSince, url).toBeUndefined();
      expect(rest.length, url).toBeGreaterThan(0);
    }
    // The site's page got its cookie back on no request: none of the feed requests carried it.
    expect(requests(VALIDATORS).every((r) => r.cookie === undefined)).toBe(true);
    expect(server.log.filter((r) => r.url.endsWith('.xml')).every((r) => r.cookie === undefined)).toBe(true);
  });

  it('sends the validators back byte for byte (not Firefox’s cache), and adopts a new ETag from a 304', async () => {
    const [, second] = requests(VALIDATORS);
    expect(second).toMatchObject({ ifNoneMatch: ETAG_1, ifModifiedSince: LAST_MODIFIED });
    await refresh();
    const last = requests(VALIDATORS).at(-1);
    expect(requests(VALIDATORS).length).toBeGreaterThanOrEqual(3);
    expect(last?.ifNoneMatch).toBe(ETAG_2);
    await expect.poll(() => statusOf(VALIDATORS)).toBe('Not modified');
  });

  it('respects Retry-After, even when the user asks for a refresh', () => {
    expect(requests('http://ratelimited.example/feed.xml')).toHaveLength(1);
  });

  it('adopts a 301 and not a 302', async () => {
    await expect.poll(() => options.$$eval('[data-testid="subscription"][data-feed-url="http://moved.example/new.xml"]', (els) => els.length)).toBe(1);
    expect(requests('http://moved.example/feed.xml')).toHaveLength(1);
    expect(requests('http://moved.example/new.xml').length).toBeGreaterThanOrEqual(2);
    expect(await options.$$eval('[data-testid="subscription"][data-feed-url="http://temp.example/feed.xml"]', (els) => els.length)).toBe(1);
    expect(requests('http://temp.example/feed.xml').length).toBeGreaterThanOrEqual(2);
  });

  it('never requests a 410 feed again and tells the user it is gone', async () => {
    expect(requests('http://gone.example/feed.xml')).toHaveLength(1);
    await expect.poll(() => statusOf('http://gone.example/feed.xml')).toBe('Gone');
  });

  it('never has two requests in flight to one host', () => {
    const busy = server.log.filter((r) => r.host === 'busy.example');
    expect(busy.length).toBeGreaterThanOrEqual(12);
    expect(Math.max(...server.log.filter((r) => r.url.endsWith('.xml')).map((r) => r.concurrentOnHost))).toBe(1);
  });

  it('logged no error of Orrery on the way', () => {
    expect(orreryErrors(ff.logs)).toEqual([]);
  });
});

/**
 * Politeness in Firefox, against the server the Chromium suite uses (every request logged,
 * `Cache-Control: no-store`): Firefox's background is an event page with its own fetch, HTTP
 * cache and cookie jar, so what the Chromium suite proves is proved here again. Conditional GET
 * with the validators sent back byte for byte, no cookies, Retry-After, a 301 adopted and a 302
 * not, a 410 never asked again, one request at a time to a host.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server.mjs';
import { BUSY, ETAG_1, ETAG_2, LAST_MODIFIED, POLITE_FEEDS, VALIDATORS, installPolitePublishers, opmlOf } from '../server/polite-publishers';
import { firefoxMissing, launchFirefox, orreryErrors, type FirefoxOrrery } from './firefox';
import { send, text, tid, waitForRefresh } from './page-helpers';

const missing = firefoxMissing();
if (missing) console.warn(`Firefox suite skipped: ${missing}`);

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
    installPolitePublishers(server.overrides);

    ff = await launchFirefox({ serverPort: server.port });
    const site = await ff.visit('http://validators.example/');
    expect(await site.evaluate(() => document.cookie)).toBe('session=secret');
    await site.close();

    options = await ff.open('/options.html');
    const urls = POLITE_FEEDS;
    const opml = opmlOf(urls);
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

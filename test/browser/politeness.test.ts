/**
 * Politeness, proved against a server that logs every request and sends
 * `Cache-Control: no-store` (so Chromium's HTTP cache cannot answer for Orrery).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server.mjs';
import { BUSY, ETAG_1, ETAG_2, LAST_MODIFIED, POLITE_FEEDS, installPolitePublishers, opmlOf } from '../server/polite-publishers';
import { launchOrrery, type Orrery } from './launch';
import { sendFromPage, waitForRefresh } from './helpers';

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
  installPolitePublishers(server.overrides);
  orrery = await launchOrrery({ serverPort: server.port });
  await orrery.context.addCookies([{ name: 'session', value: 'secret', domain: 'validators.example', path: '/' }]);
  page = await orrery.open('/options.html');
  const opml = opmlOf(POLITE_FEEDS);
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
    const [, second] = requests('http://validators.example/feed.xml');
    expect(second).toMatchObject({ ifNoneMatch: ETAG_1, ifModifiedSince: LAST_MODIFIED });
    // The setup's two refreshes may have made one request or two (the import's own refresh can
    // absorb the first): whichever it was, the request after a 304 carries that 304's ETag.
    await refresh();
    const all = requests('http://validators.example/feed.xml');
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all.at(-1)?.ifNoneMatch).toBe(ETAG_2);
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

/**
 * Feeds a page announces elsewhere, in real Chromium: a feed on another site or on a loopback
 * address is flagged in the popup and fetched (previewed or subscribed) only after the reader
 * confirms; a feed on the page's own host previews as before. The fixture server listens on
 * 127.0.0.1, so a page naming http://127.0.0.1:<port>/… really points at a "local service".
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../server/fixture-server.mjs';
import { closeAll, launchWithFixtures, type Orrery } from './launch';

let server: FixtureServer;
let orrery: Orrery;
let worker: Worker;

const rss = (title: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>http://announcer.example/</link>
<item><title>${title} item</title><link>http://announcer.example/1</link><guid>${title}-1</guid><pubDate>Mon, 01 Jun 2026 08:00:00 GMT</pubDate><description>Hi.</description></item>
</channel></rss>`;
const serve = (type: string, body: string) => (_req: IncomingMessage, res: ServerResponse) => void res.writeHead(200, { 'Content-Type': type }).end(body);

beforeAll(async () => {
  ({ server, orrery } = await launchWithFixtures());
  worker = await orrery.worker();
  const port = server.port;
  const links = [
    ['Own feed', '/feed.xml'],
    ['Feed elsewhere', 'http://elsewhere.example/feed.xml'],
    ['Loopback service', `http://127.0.0.1:${port}/internal-secret`],
    ['Loopback as one number', `http://2130706433:${port}/decimal-secret`],
    ['Localhost service', `http://localhost:${port}/local-secret`],
  ];
  server.overrides.set(
    'http://announcer.example/',
    serve(
      'text/html; charset=utf-8',
      `<!doctype html><html><head><title>Announcer</title>${links.map(([t, h]) => `<link rel="alternate" type="application/rss+xml" title="${t}" href="${h}">`).join('')}</head><body>Hi</body></html>`,
    ),
  );
  server.overrides.set('http://announcer.example/feed.xml', serve('application/rss+xml', rss('Own')));
  server.overrides.set('http://elsewhere.example/feed.xml', serve('application/rss+xml', rss('Elsewhere')));
  server.overrides.set('http://127.0.0.1/internal-secret', serve('application/rss+xml', rss('Internal secret')));
  server.overrides.set('http://127.0.0.1/decimal-secret', serve('application/rss+xml', rss('Decimal secret')));
  server.overrides.set('http://localhost/local-secret', serve('application/rss+xml', rss('Local secret')));
});

afterAll(() => closeAll({ orrery, server }));

const asked = (path: string) => server.log.filter((r) => new URL(r.url).pathname === path).length;

async function openPopupFor(url: string): Promise<{ page: Page; popup: Page }> {
  const page = await orrery.context.newPage();
  await page.goto(url);
  const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url);
  await expect.poll(() => worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId), { timeout: 10_000 }).toBe('Orrery: 5 feeds on this page');
  const popup = await orrery.open(`/popup.html?tabId=${tabId}`);
  await expect.poll(() => popup.getByTestId('detected-feed').count()).toBe(5);
  return { page, popup };
}

describe('feeds a page announces on another site or a private address', () => {
  it('says so, fetches nothing until the reader confirms, then previews; own-host feeds preview at once', async () => {
    const { page, popup } = await openPopupFor('http://announcer.example/');
    const port = server.port;
    const row = (url: string) => popup.locator(`[data-testid="detected-feed"][data-feed-url="${url}"]`);
    const own = row('http://announcer.example/feed.xml');
    const elsewhere = row('http://elsewhere.example/feed.xml');
    const loopback = row(`http://127.0.0.1:${port}/internal-secret`);
    const decimal = row(`http://127.0.0.1:${port}/decimal-secret`);
    const localhost = row(`http://localhost:${port}/local-secret`);

    expect(await own.getByTestId('detected-warning').count()).toBe(0);
    expect(await elsewhere.getByTestId('detected-warning').textContent()).toContain('This feed is on another site: elsewhere.example');
    for (const r of [loopback, decimal]) expect(await r.getByTestId('detected-warning').textContent()).toContain(`This feed is on a private or local network address: 127.0.0.1:${port}`);
    expect(await localhost.getByTestId('detected-warning').textContent()).toContain(`This feed is on a private or local network address: localhost:${port}`);

    // Until confirmed, neither Preview nor Subscribe can fetch them.
    for (const r of [elsewhere, loopback, decimal, localhost]) {
      expect(await r.getByTestId('preview-detected').isDisabled()).toBe(true);
      expect(await r.getByTestId('subscribe-detected').isDisabled()).toBe(true);
      await r.getByTestId('preview-detected').click({ force: true });
      await r.getByTestId('subscribe-detected').click({ force: true });
    }
    // The page's own feed previews as before (and is the sign that clicks have been handled).
    await own.getByTestId('preview-detected').click();
    await own.getByTestId('feed-preview').waitFor();
    expect(await own.getByTestId('feed-preview').textContent()).toContain('Own');
    for (const path of ['/internal-secret', '/decimal-secret', '/local-secret']) expect(asked(path), path).toBe(0);
    expect(server.log.filter((r) => r.host === 'elsewhere.example')).toEqual([]);

    // Confirmed: the loopback feed is previewed (its answer shown), and only then requested.
    await loopback.getByTestId('trust-detected').check();
    await loopback.getByTestId('preview-detected').click();
    await loopback.getByTestId('feed-preview').waitFor();
    expect(await loopback.getByTestId('feed-preview').textContent()).toContain('Internal secret');
    expect(asked('/internal-secret')).toBe(1);
    // Confirmed and subscribed to: the other site's feed is stored, and the others are still untouched.
    await elsewhere.getByTestId('trust-detected').check();
    await elsewhere.getByTestId('subscribe-detected').click();
    await elsewhere.getByTestId('detected-subscribed').waitFor();
    expect(asked('/decimal-secret') + asked('/local-secret')).toBe(0);
    await Promise.all([page.close(), popup.close()]);
  });
});

/**
 * What only Firefox showed, with users' defaults (mixed-content upgrading, the JSON viewer on):
 * plain-http images in posts, a JSON Feed behind the JSON viewer, an Atom feed Firefox downloads
 * instead of showing, and a tab gone before its toolbar button was updated.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server.mjs';
import { firefoxMissing, launchFirefox, orreryErrors, type FirefoxOrrery } from './firefox';
import { count, pause, send, text, tid, waitForRefresh } from './page-helpers';

const missing = firefoxMissing();
if (missing) console.warn(`Firefox suite skipped: ${missing}`);

let server: FixtureServer;
let ff: FirefoxOrrery;
let home: Page;

const PICS_FEED = 'http://pics.example/feed.xml';
const PHOTO = 'http://pics.example/photo.svg';
const tabIdOf = (url: string) => home.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url);

describe.skipIf(missing)('Firefox-only fixes', () => {
  beforeAll(async () => {
    server = await startFixtureServer();
    server.overrides.set(PICS_FEED, (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Pictures</title><link>http://pics.example/</link>
<item><title>A photo over plain http</title><link>http://pics.example/1</link><guid>pics-1</guid><pubDate>Mon, 01 Jun 2026 08:00:00 GMT</pubDate>
<description><![CDATA[<p>Look:</p><img src="${PHOTO}" alt="a photo">]]></description></item></channel></rss>`);
    });
    server.overrides.set(PHOTO, (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="teal"/></svg>');
    });
    ff = await launchFirefox({ serverPort: server.port });
    home = await ff.open('/options.html');
  });

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('shows a post’s image from a host that serves only plain http', async () => {
    await send(home, { type: 'subscribe', url: PICS_FEED });
    const since = Date.now();
    await send(home, { type: 'refresh-all' });
    await waitForRefresh(home, since);
    const timeline = await ff.open('/timeline.html');
    await timeline.waitForSelector(`${tid('entry-content')} img`, { timeout: 30_000 });
    await expect.poll(() => timeline.evaluate(() => document.querySelector<HTMLImageElement>('[data-testid="entry-content"] img')?.naturalWidth ?? 0), { timeout: 30_000 }).toBe(40);
    // The request reached the http host (an upgraded one would have gone to https, which it does not serve).
    expect(server.log.filter((e) => e.url === PHOTO && e.status === 200)).toHaveLength(1);
    await timeline.close();
  });

  // The offer comes from the response's headers; Firefox resets the tab's button when the viewer's
  // document arrives, which on a warm browser is after the offer (the button said "Orrery").
  it('detects a JSON Feed shown in Firefox’s JSON viewer', async () => {
    const page = await ff.visit('http://raw-feed.example/feed.json');
    expect(await page.evaluate(() => typeof (window as unknown as { JSONView?: object }).JSONView)).toBe('object');
    const tabId = await tabIdOf('http://raw-feed.example/feed.json');
    await expect.poll(() => home.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId), { timeout: 20_000 }).toContain('1 feed');
    const popup = await ff.open(`/popup.html?tabId=${tabId}`);
    await expect.poll(() => count(popup, tid('detected-feed'))).toBe(1);
    expect(await text(popup, tid('detected-feed'))).toContain('This page is a feed');
    expect(await text(popup, tid('detected-feed'))).toContain('Raw JSON');
    await Promise.all([page.close(), popup.close()]);
  });

  it('offers an Atom feed that Firefox downloaded instead of showing, on the tab it was opened from', async () => {
    const page = await ff.visit('http://no-feed.example/');
    const tabId = await tabIdOf('http://no-feed.example/*');
    // A link to the feed followed from the page: Firefox saves the file, the tab stays where it was.
    await page.evaluate(() => {
      location.href = 'http://one-feed.example/atom.xml';
    });
    await expect.poll(() => server.log.some((e) => e.url === 'http://one-feed.example/atom.xml'), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => home.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId), { timeout: 20_000 }).toContain('1 feed');
    const popup = await ff.open(`/popup.html?tabId=${tabId}`);
    await expect.poll(() => count(popup, '[data-testid="detected-feed"][data-feed-url="http://one-feed.example/atom.xml"]')).toBe(1);
    expect(await text(popup, tid('detected-feed'))).toContain('A feed this page opened');
    // The page opened a feed on another site: as for a <link> to one, the reader confirms first.
    expect(await popup.$eval(tid('subscribe-detected'), (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(await popup.$eval(tid('detected-warning'), (p) => p.getAttribute('data-concern'))).toBe('other-site');
    await (await popup.waitForSelector(tid('trust-detected')))!.click();
    await popup.waitForSelector(`${tid('subscribe-detected')}:not([disabled])`);
    await (await popup.waitForSelector(tid('subscribe-detected')))!.click();
    await expect.poll(() => count(popup, tid('detected-subscribed'))).toBe(1);
    await Promise.all([page.close(), popup.close()]);
  });

  it('says nothing when a tab is gone before its toolbar button is updated', async () => {
    // A tab closed between a report and its update: its record outlives it.
    await home.evaluate(() => chrome.storage.session.set({ 'tab-feeds:987654': { pageUrl: 'http://gone.example/', feeds: [{ url: 'http://gone.example/feed.xml', type: 'rss', source: 'link' }] } }));
    // Subscribing re-evaluates every tab's button.
    await send(home, { type: 'subscribe', url: 'http://blog-with-feed.example/feed.xml' });
    await pause(1000);
    expect(orreryErrors(ff.logs)).toEqual([]);
  });

  it('without site access, says what is missing and asks for it with a button, then subscribes', async () => {
    const options = await ff.open('/options.html');
    // As a reader who withdrew "Access your data for all websites" in about:addons.
    expect(await options.evaluate(() => chrome.permissions.remove({ origins: ['<all_urls>', 'http://*/*', 'https://*/*'] }))).toBe(true);
    await options.waitForSelector(tid('host-access-missing'), { timeout: 20_000 });
    expect(await text(options, tid('host-access-missing'))).toContain('Orrery cannot reach websites');
    const requests = server.log.length;
    await options.type(tid('subscribe-url'), 'http://wordpress-like.example/feed/');
    await (await options.waitForSelector(tid('subscribe-submit')))!.click();
    await expect.poll(() => options.evaluate(() => document.body.textContent ?? '')).toContain('Orrery has no access to wordpress-like.example');
    expect(server.log.slice(requests).filter((e) => e.host === 'wordpress-like.example')).toEqual([]);
    // The button asks (a real click: Firefox grants only from a user gesture; prompts are off in this profile).
    await (await options.waitForSelector(tid('grant-host-access')))!.click();
    await expect.poll(() => options.evaluate(() => chrome.permissions.contains({ origins: ['http://*/*', 'https://*/*'] }))).toBe(true);
    await expect.poll(() => count(options, tid('host-access-missing'))).toBe(0);
    await (await options.waitForSelector(tid('subscribe-submit')))!.click();
    await expect.poll(() => count(options, '[data-testid="subscription"][data-feed-url="http://wordpress-like.example/feed/"]'), { timeout: 30_000 }).toBe(1);
    await options.close();
  });
});

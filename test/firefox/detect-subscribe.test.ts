/**
 * Detection and subscribing in Firefox ESR beyond the core flows' one page with feed links:
 * a single-page site's pushState, a raw feed shown in the tab, probing the usual addresses only
 * when asked (one request at a time); and subscribing by address in the options page: a preview
 * with its grade while typing (its response is the first fetch), a site's several feeds to
 * choose from, a specific message for each bad input. The same flows as the Chromium suite's
 * detection and subscribing tests, with the Firefox build.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server.mjs';
import { firefoxMissing, launchFirefox, orreryErrors, type FirefoxOrrery } from './firefox';
import { count, readFeed, readStore, text, tid } from './page-helpers';

const missing = firefoxMissing();
if (missing) console.warn(`Firefox suite skipped: ${missing}`);

let server: FixtureServer;
let ff: FirefoxOrrery;
let options: Page;

const title = (tabId: number) => options.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
const requestsTo = (url: string) => server.log.filter((r) => r.url === url);
const subscription = (url: string) => `[data-testid="subscription"][data-feed-url="${url}"]`;

/** Opens a web page in a new tab; its tab id, read through the extension. */
async function visit(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await ff.visit(url);
  const tabId = await options.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url);
  expect(tabId, url).toBeGreaterThan(0);
  return { page, tabId };
}

/** The popup for a tab, and its detected feeds as shown. */
async function popupRows(tabId: number): Promise<{ popup: Page; rows: () => Promise<{ url: string; text: string }[]> }> {
  const popup = await ff.open(`/popup.html?tabId=${tabId}`);
  await popup.waitForSelector(tid('unread-total'), { timeout: 30_000 });
  const rows = () => popup.$$eval(tid('detected-feed'), (els) => els.map((el) => ({ url: el.getAttribute('data-feed-url') ?? '', text: el.textContent ?? '' })));
  return { popup, rows };
}

/** Replaces the address field's text by typing, as a reader does. */
async function typeAddress(value: string): Promise<void> {
  await options.bringToFront();
  await options.$eval(tid('subscribe-url'), (el) => {
    (el as HTMLInputElement).focus();
    (el as HTMLInputElement).select();
  });
  await options.keyboard.press('Backspace');
  await options.type(tid('subscribe-url'), value);
}

async function submit(): Promise<void> {
  await (await options.waitForSelector(tid('subscribe-submit')))!.click();
}

describe.skipIf(missing)('detection and subscribing in Firefox', () => {
  beforeAll(async () => {
    server = await startFixtureServer();
    ff = await launchFirefox({ serverPort: server.port });
    options = await ff.open('/options.html');
  });

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('follows a single-page site: a feed link added after pushState shows, and goes after going back', async () => {
    const { page, tabId } = await visit('http://spa.example/');
    await page.waitForFunction(() => document.title === 'SPA home');
    expect(await title(tabId)).toBe('Orrery');
    await page.click('#go');
    await expect.poll(() => title(tabId), { timeout: 20_000 }).toBe('Orrery: 1 feed on this page');
    const { popup, rows } = await popupRows(tabId);
    await expect.poll(async () => (await rows()).map((r) => r.url)).toEqual(['http://spa.example/posts/feed.xml']);
    await popup.close();
    await page.bringToFront();
    await page.evaluate(() => history.back());
    await page.waitForFunction(() => document.title === 'SPA home');
    await expect.poll(() => title(tabId), { timeout: 20_000 }).toBe('Orrery');
    await page.close();
  });

  it('offers to subscribe to a raw feed Firefox shows in the tab (text/xml), then marks it subscribed', async () => {
    const url = 'http://raw-feed.example/feed.xml';
    const { page, tabId } = await visit(url);
    await expect.poll(() => title(tabId), { timeout: 20_000 }).toBe('Orrery: 1 feed on this page');
    const { popup, rows } = await popupRows(tabId);
    await expect.poll(async () => (await rows())[0]?.text ?? '').toContain('This page is a feed: Raw RSS (RSS)');
    expect((await rows()).map((r) => r.url)).toEqual([url]);
    await (await popup.waitForSelector(tid('subscribe-detected')))!.click();
    await expect.poll(() => count(popup, tid('detected-subscribed')), { timeout: 30_000 }).toBe(1);
    expect(await readFeed(popup, url)).toMatchObject({ title: 'Raw RSS', lastStatus: 'ok', fetchCount: 1 });
    // The toolbar button now says the reader follows it.
    await expect.poll(() => title(tabId)).toBe('Orrery: you follow this page’s feed');
    await Promise.all([page.close(), popup.close()]);
  });

  it('probes the usual addresses only when asked, one request at a time', async () => {
    const { page, tabId } = await visit('http://probe-me.example/');
    const { popup, rows } = await popupRows(tabId);
    await popup.waitForSelector(tid('probe-feeds'));
    const ownRequests = () => server.log.filter((r) => r.host === 'probe-me.example' && !r.url.endsWith('/favicon.ico'));
    // Nothing but the page itself before the reader asks (the popup's scan reads the page, not the network).
    expect(ownRequests().map((r) => r.url)).toEqual(['http://probe-me.example/']);
    expect(await rows()).toEqual([]);
    await (await popup.waitForSelector(tid('probe-feeds')))!.click();
    await expect.poll(async () => (await rows()).map((r) => r.url), { timeout: 30_000 }).toEqual(['http://probe-me.example/index.xml']);
    expect((await rows())[0]?.text).toContain('Probed feed (RSS)');
    const probes = ownRequests().slice(1);
    expect(probes.map((r) => new URL(r.url).pathname)).toContain('/index.xml');
    expect(Math.max(...probes.map((r) => r.concurrentOnHost))).toBe(1);
    await expect.poll(() => title(tabId)).toBe('Orrery: 1 feed on this page');
    await Promise.all([page.close(), popup.close()]);
  });

  it('previews a feed with its grade while the address is typed, then subscribes with the same response', async () => {
    const url = 'http://wordpress-like.example/feed/atom/';
    await typeAddress(url);
    await options.waitForSelector(tid('feed-preview'), { timeout: 30_000 });
    await expect.poll(() => text(options, tid('feed-grade'))).toContain('Atom 1.0');
    expect(await text(options, tid('feed-grade'))).toContain('Full text');
    expect(await count(options, `${tid('preview-posts')} li`)).toBe(5);
    expect(requestsTo(url)).toHaveLength(1);
    await submit();
    await expect.poll(() => count(options, subscription(url)), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => text(options, `${subscription(url)} ${tid('subscription-status')}`)).toBe('OK');
    // Stored as the first poll: posts and validators, and the feed was not requested again.
    const stored = await readFeed(options, url);
    expect(stored).toMatchObject({ title: 'WP Blog (Atom)', posts: 5, fetchCount: 1, lastStatus: 'ok' });
    expect(stored?.etag).toBeTruthy();
    expect(requestsTo(url)).toHaveLength(1);
  });

  it('lists a site’s several feeds to choose from, comments last, and subscribes to the chosen one', async () => {
    await typeAddress('http://wordpress-like.example/');
    await submit();
    const choices = await options.waitForSelector(tid('feed-choices'), { timeout: 30_000 });
    const labels = await options.$$eval(`${tid('feed-choices')} label`, (els) => els.map((e) => e.textContent ?? ''));
    expect(labels).toHaveLength(3);
    expect(labels[0]).toContain('WP Blog » Feed (RSS)');
    // The Atom feed, subscribed in the test before, is marked and cannot be chosen again.
    expect(labels.find((l) => l.includes('WP Blog » Atom'))).toContain('already subscribed');
    expect(labels[2]).toContain('Comments Feed');
    // Subscribing before choosing asks for a choice and adds nothing.
    await submit();
    await options.waitForFunction(() => document.body.textContent?.includes('Choose one of the feeds below first.'), { timeout: 30_000 });
    await (await choices!.waitForSelector('input[value="http://wordpress-like.example/feed/"]'))!.click();
    await options.waitForSelector(`${tid('feed-choices')} ${tid('feed-preview')}`, { timeout: 30_000 });
    await expect.poll(() => text(options, `${tid('feed-choices')} ${tid('feed-grade')}`)).toContain('Summaries only');
    await submit();
    await expect.poll(() => count(options, subscription('http://wordpress-like.example/feed/')), { timeout: 30_000 }).toBe(1);
    expect(requestsTo('http://wordpress-like.example/feed/')).toHaveLength(1);
    expect(requestsTo('http://wordpress-like.example/comments/feed/')).toHaveLength(0);
  });

  it('gives each bad input its own message where the user typed it, and adds nothing', async () => {
    const cases: [string, string][] = [
      ['http://missing.example/feed.xml', 'The server answered 404 Not Found: the feed is not at this address.'],
      ['http://json-api.example/data.json', 'http://json-api.example/data.json is a JSON document but not a JSON Feed'],
      ['http://wordpress-like.example/feed/atom/', 'You are already subscribed to “WP Blog (Atom)”.'],
      ['hello world', '“hello world” is not a web address'],
      ['javascript:alert(1)', 'is not a web address: unsupported scheme "javascript:"'],
    ];
    for (const [input, message] of cases) {
      const before = (await readStore(options)).feeds;
      await typeAddress(input);
      await submit();
      await expect.poll(async () => (await text(options, tid('subscribe-error'))) ?? '', { timeout: 30_000, message: input }).toContain(message);
      expect(await options.$eval(tid('subscribe-url'), (el) => el.getAttribute('aria-invalid'))).toBe('true');
      // The message comes once the worker has answered: a feed added on the way would be stored by then.
      expect((await readStore(options)).feeds, input).toBe(before);
    }
  });

  it('logged no error of Orrery on the way', () => {
    expect(orreryErrors(ff.logs)).toEqual([]);
  });
});

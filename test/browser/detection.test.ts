/**
 * Feed detection on visited pages, in real Chromium: the content script reads <link> tags
 * (odd places, relative and feed: hrefs, <base>), says nothing on pages without feeds, follows a
 * single-page site's pushState, recognizes a raw feed in the tab; the toolbar title tells per
 * tab; the popup lists, previews, marks and subscribes; the usual addresses are probed only on
 * request, one request at a time, and the probe's response is reused as the first fetch.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../server/fixture-server.mjs';
import { closeAll, launchWithFixtures, type Orrery } from './launch';
import { readFeed } from './subscribing-helpers';

let server: FixtureServer;
let orrery: Orrery;
let worker: Worker;

beforeAll(async () => {
  ({ server, orrery } = await launchWithFixtures());
  worker = await orrery.worker();
  // Count what content scripts send, to prove pages without feeds send nothing.
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __detected: { url: string; n: number }[] };
    g.__detected = [];
    chrome.runtime.onMessage.addListener((m: { type?: string; feeds?: unknown[] }, sender) => {
      if (m?.type === 'feeds-detected') g.__detected.push({ url: sender.url ?? '', n: m.feeds?.length ?? -1 });
    });
  });
});

afterAll(() => closeAll({ orrery, server }));

async function visit(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await orrery.context.newPage();
  await page.goto(url);
  const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url.split('#')[0] ?? url);
  expect(tabId, url).toBeGreaterThan(0);
  return { page, tabId };
}

const title = (tabId: number) => worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);

async function popupRows(tabId: number): Promise<{ popup: Page; rows: () => Promise<{ url: string; text: string }[]> }> {
  const popup = await orrery.open(`/popup.html?tabId=${tabId}`);
  await popup.getByTestId('unread-total').waitFor();
  const rows = () =>
    popup.getByTestId('detected-feed').evaluateAll((els) => els.map((el) => ({ url: el.getAttribute('data-feed-url') ?? '', text: el.textContent ?? '' })));
  return { popup, rows };
}

const detectedFor = (url: string) =>
  worker.evaluate((u) => (globalThis as unknown as { __detected: { url: string; n: number }[] }).__detected.filter((d) => d.url === u), url);

describe('detection on visited pages', () => {
  it('reads every kind of feed link: odd casing, MIME parameters, relative and feed: hrefs, links in <body>', async () => {
    const url = 'http://odd-links.example/blog/post.html';
    const { page, tabId } = await visit(url);
    await expect.poll(() => title(tabId), { timeout: 10_000 }).toBe('Orrery: 4 feeds on this page');
    const { popup, rows } = await popupRows(tabId);
    await expect.poll(async () => (await rows()).length).toBe(4);
    const got = await rows();
    expect(got.map((r) => r.url)).toEqual([
      'http://odd-links.example/feed.rss',
      'http://odd-links.example/feed.json',
      'http://odd-links.example/atom.xml',
      'http://odd-links.example/blog/index.rdf',
    ]);
    expect(got[0]?.text).toContain('Odd & Ends (RSS) (RSS)');
    expect(got[1]?.text).toContain('(JSON Feed)');
    expect(got[2]?.text).toContain('Odd Atom (Atom)');
    expect(got[3]?.text).toContain('(RSS 1.0)');
    // The content script made no request of its own: the server saw the page, nothing else.
    // (The browser itself asks for the stylesheet and the favicon.)
    const asked = server.log.filter((r) => r.host === 'odd-links.example').map((r) => new URL(r.url).pathname);
    expect(asked.filter((p) => p !== '/s.css' && p !== '/favicon.ico')).toEqual(['/blog/post.html']);
    await Promise.all([page.close(), popup.close()]);
  });

  it('resolves relative links against <base href>', async () => {
    const { page, tabId } = await visit('http://base-href.example/articles/');
    const { popup, rows } = await popupRows(tabId);
    await expect.poll(async () => (await rows()).map((r) => r.url)).toEqual(['http://cdn-base.example/sub/feed.atom']);
    expect(await title(tabId)).toBe('Orrery: 1 feed on this page');
    await Promise.all([page.close(), popup.close()]);
  });

  it('sends nothing from a page without feeds, and the button keeps its default title', async () => {
    const { page, tabId } = await visit('http://no-feed.example/');
    // A page with feeds visited after it proves the content scripts have had their turn.
    const { page: other, tabId: otherId } = await visit('http://one-feed.example/');
    await expect.poll(() => title(otherId), { timeout: 10_000 }).toBe('Orrery: 1 feed on this page');
    expect(await detectedFor('http://no-feed.example/')).toEqual([]);
    expect(await title(tabId)).toBe('Orrery');
    const { popup, rows } = await popupRows(tabId);
    await popup.getByTestId('probe-feeds').waitFor();
    expect(await rows()).toEqual([]);
    await Promise.all([page.close(), other.close(), popup.close()]);
  });

  it('follows a single-page site: a feed link added after pushState shows, and goes after going back', async () => {
    const { page, tabId } = await visit('http://spa.example/');
    await page.waitForFunction(() => document.title === 'SPA home');
    expect(await title(tabId)).toBe('Orrery');
    await page.click('#go');
    await expect.poll(() => title(tabId), { timeout: 10_000 }).toBe('Orrery: 1 feed on this page');
    const { popup, rows } = await popupRows(tabId);
    await expect.poll(async () => (await rows()).map((r) => r.url)).toEqual(['http://spa.example/posts/feed.xml']);
    await popup.close();
    await page.goBack();
    await expect.poll(() => title(tabId), { timeout: 10_000 }).toBe('Orrery');
    await page.close();
  });

  it('offers to subscribe to a raw feed shown in the tab (XML viewer, text, JSON)', async () => {
    const cases = [
      { url: 'http://raw-feed.example/feed.xml', text: 'Raw RSS (RSS)' },
      { url: 'http://raw-feed.example/atom', text: 'Raw Atom (Atom)' },
      { url: 'http://raw-feed.example/feed.json', text: 'Raw JSON (JSON Feed)' },
    ];
    for (const c of cases) {
      const { page, tabId } = await visit(c.url);
      await expect.poll(() => title(tabId), { timeout: 10_000 }).toBe('Orrery: 1 feed on this page');
      const { popup, rows } = await popupRows(tabId);
      await expect.poll(async () => (await rows())[0]?.text ?? '').toContain(`This page is a feed: ${c.text}`);
      expect((await rows())[0]?.url).toBe(c.url);
      if (c.url.endsWith('.json')) {
        await popup.getByTestId('subscribe-detected').click();
        await expect.poll(async () => (await readFeed(popup, c.url))?.title).toBe('Raw JSON');
        await expect.poll(() => popup.getByTestId('detected-subscribed').count()).toBe(1);
      }
      await Promise.all([page.close(), popup.close()]);
    }
  });

  it('previews a detected feed, subscribes with the same response, then marks it subscribed', async () => {
    const url = 'http://wordpress-like.example/';
    const feedUrl = 'http://wordpress-like.example/feed/atom/';
    const { page, tabId } = await visit(url);
    await expect.poll(() => title(tabId), { timeout: 10_000 }).toBe('Orrery: 3 feeds on this page');
    const { popup, rows } = await popupRows(tabId);
    await expect.poll(async () => (await rows()).length).toBe(3);
    const row = popup.locator(`[data-testid="detected-feed"][data-feed-url="${feedUrl}"]`);
    await row.getByTestId('preview-detected').click();
    const card = row.getByTestId('feed-preview');
    await card.waitFor();
    expect(await card.getByTestId('feed-grade').textContent()).toContain('Atom 1.0');
    expect(await card.getByTestId('feed-grade').textContent()).toContain('Full text');
    expect(await card.getByTestId('preview-posts').locator('li').count()).toBe(3);
    await row.getByTestId('subscribe-detected').click();
    await row.getByTestId('detected-subscribed').waitFor();
    // One request for that feed: the preview's response was the first fetch.
    expect(server.log.filter((r) => r.url === feedUrl)).toHaveLength(1);
    const stored = await readFeed(popup, feedUrl);
    expect(stored).toMatchObject({ fetchCount: 1, lastStatus: 'ok', posts: 5, title: 'WP Blog (Atom)' });
    expect(stored?.etag).toMatch(/^"p/);
    await popup.close();
    // A popup opened later marks it; the two other feeds are still offered.
    const again = await popupRows(tabId);
    await expect.poll(() => again.popup.getByTestId('detected-subscribed').count()).toBe(1);
    expect(await again.popup.getByTestId('subscribe-detected').count()).toBe(2);
    // The button now counts the feeds not yet followed.
    expect(await title(tabId)).toBe('Orrery: 2 feeds on this page');
    await Promise.all([page.close(), again.popup.close()]);
  });

  it('probes the usual addresses only when asked, one request at a time, and reuses what it found', async () => {
    const { page, tabId } = await visit('http://probe-me.example/');
    const { popup, rows } = await popupRows(tabId);
    await popup.getByTestId('probe-feeds').waitFor();
    await popup.waitForTimeout(300);
    // Nothing but the page itself was requested before the user asked.
    expect(server.log.filter((r) => r.host === 'probe-me.example' && !r.url.endsWith('/favicon.ico')).map((r) => r.url)).toEqual(['http://probe-me.example/']);
    await popup.getByTestId('probe-feeds').click();
    await expect.poll(async () => (await rows()).map((r) => r.url), { timeout: 30_000 }).toEqual(['http://probe-me.example/index.xml']);
    expect((await rows())[0]?.text).toContain('Probed feed (RSS)');
    const probes = server.log.filter((r) => r.host === 'probe-me.example' && !r.url.endsWith('/favicon.ico')).slice(1);
    expect(probes.map((r) => new URL(r.url).pathname)).toContain('/index.xml');
    expect(Math.max(...probes.map((r) => r.concurrentOnHost))).toBe(1);
    expect(await title(tabId)).toBe('Orrery: 1 feed on this page');
    const before = server.log.length;
    await popup.getByTestId('subscribe-detected').click();
    await popup.getByTestId('detected-subscribed').waitFor();
    expect(server.log.slice(before).filter((r) => r.host === 'probe-me.example')).toEqual([]);
    expect((await readFeed(popup, 'http://probe-me.example/index.xml'))?.posts).toBe(3);
    await Promise.all([page.close(), popup.close()]);
  });
});

/**
 * The walking skeleton, end to end in real Chromium: import Planet Python's OPML, refresh,
 * read the river, the popup and the badge, survive hostile HTML, detect feeds on pages,
 * and lose nothing when the service worker is stopped.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../server/fixture-server.mjs';
import { closeAll, launchWithFixtures, type Orrery } from './launch';
import { readStore, sendFromPage, waitForRefresh } from './helpers';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');
const posts = JSON.parse(readFileSync(path.join(FIXTURES, 'posts.json'), 'utf8')) as { feed_name: string; title: string; published: string }[];
const dayOf = (iso: string) => new Date(iso).toLocaleDateString('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });

let server: FixtureServer;
let orrery: Orrery;
let options: Page;

beforeAll(async () => {
  ({ server, orrery } = await launchWithFixtures());
  options = await orrery.open('/options.html');
});

afterAll(() => closeAll({ orrery, server }));

describe('walking skeleton', () => {
  it('imports the 545 subscriptions of planet-python.opml through the options page', async () => {
    await options.getByTestId('opml-file').setInputFiles(path.join(FIXTURES, 'planet-python.opml'));
    const report = options.getByTestId('import-report');
    await expect.poll(() => report.textContent(), { timeout: 30_000 }).toContain('545 added');
    await expect.poll(() => options.getByTestId('subscription').count(), { timeout: 30_000 }).toBe(545);
    expect((await readStore(options)).feeds).toBe(545);
  });

  it('refreshes every feed: fixture feeds store their posts, the others report HTTP 404', async () => {
    await options.getByTestId('subscription').first().waitFor();
    const popup = await orrery.open('/popup.html');
    const since = Date.now();
    await popup.getByTestId('refresh-all').click();
    await waitForRefresh(popup, since);
    await popup.close();
    const store = await readStore(options);
    expect(store.posts).toBe(104);
    const ok = options.locator('[data-testid="subscription"][data-feed-url="http://pythonbytes.example/feed.xml"] [data-testid="subscription-status"]');
    await expect.poll(() => ok.textContent()).toBe('OK');
    const missing = options.locator('[data-testid="subscription"][data-feed-url="http://2degrees.example/feed.xml"] [data-testid="subscription-status"]');
    await expect.poll(() => missing.textContent()).toBe('HTTP 404');
  });

  it('shows every fixture post in the timeline under its day heading', async () => {
    const timeline = await orrery.open('/timeline.html?');
    await timeline.getByTestId('entry').first().waitFor();
    // Load every page of the river.
    while (await timeline.getByRole('button', { name: 'Load older posts' }).count()) {
      await timeline.getByRole('button', { name: 'Load older posts' }).click();
      await timeline.waitForTimeout(100);
    }
    // The last page is drawn a slice at a time after its button goes: wait until it is all there.
    await expect.poll(() => timeline.getByTestId('entry').count()).toBe(104);
    await expect.poll(() => timeline.locator('[role="feed"]').getAttribute('aria-busy')).toBe('false');
    const shown = await timeline.evaluate(() =>
      [...document.querySelectorAll('[data-testid="entry"]')].map((el) => ({
        title: el.querySelector('[data-testid="entry-title"]')?.textContent ?? '',
        feed: el.closest('.run')?.querySelector('[data-testid="entry-feed"]')?.textContent ?? '',
        day: el.closest('section')?.querySelector('[data-testid="day-heading"]')?.textContent ?? '',
      })),
    );
    expect(shown).toHaveLength(104);
    const expected = new Map<string, Set<string>>();
    for (const p of posts) {
      const key = `${p.feed_name}\u0000${p.title}`;
      expected.set(key, (expected.get(key) ?? new Set()).add(dayOf(p.published)));
    }
    const misses: string[] = [];
    for (const [key, days] of expected) {
      const [feed, title] = key.split('\u0000') as [string, string];
      const hit = shown.find((s) => s.title === title && s.feed === feed);
      if (!hit) misses.push(`missing: ${feed} / ${title}`);
      else if (!days.has(hit.day)) misses.push(`wrong day: ${feed} / ${title}: ${hit.day}, expected ${[...days].join(' or ')}`);
    }
    expect(misses).toEqual([]);
    // Newest first: headings are in descending order.
    const headings = await timeline.getByTestId('day-heading').allTextContents();
    const times = headings.map((h) => Date.parse(`${h} UTC`));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    await timeline.close();
  });

  it('popup total and the toolbar badge equal the stored unread count', async () => {
    const popup = await orrery.open('/popup.html');
    const store = await readStore(popup);
    expect(store.unread).toBeGreaterThan(0);
    await expect.poll(() => popup.getByTestId('unread-total').textContent()).toBe(String(store.unread));
    expect(await popup.getByTestId('recent-entry').count()).toBeGreaterThan(0);
    const worker = await orrery.worker();
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe(String(store.unread));
    // Reading one post lowers both.
    const [newPage] = await Promise.all([orrery.context.waitForEvent('page'), popup.getByTestId('recent-entry').first().locator('a').click()]);
    await newPage.close();
    await expect.poll(async () => (await readStore(popup)).unread).toBe(store.unread - 1);
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe(String(store.unread - 1));
    await popup.close();
  });

  it('renders a hostile post without running its script, handlers or javascript: links', async () => {
    await options.getByTestId('subscribe-url').fill('http://hostile.example/feed.xml');
    await options.getByTestId('subscribe-submit').click();
    await expect.poll(() => options.locator('[data-feed-url="http://hostile.example/feed.xml"]').count(), { timeout: 20_000 }).toBe(1);
    const timeline = await orrery.open('/timeline.html');
    const entry = timeline.locator('[data-testid="entry"]', { hasText: 'A post with a script' });
    await entry.waitFor();
    await timeline.waitForTimeout(500); // give an onerror handler every chance to fire
    const verdict = await timeline.evaluate(() => {
      const el = [...document.querySelectorAll('[data-testid="entry"]')].find((e) => e.textContent?.includes('A post with a script'));
      const content = el?.querySelector('[data-testid="entry-content"]');
      return {
        pwned: (window as unknown as { __orreryPwned?: string }).__orreryPwned ?? null,
        scripts: content?.querySelectorAll('script').length ?? -1,
        handlers: content ? [...content.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => a.name.startsWith('on'))).length : -1,
        jsLinks: content ? [...content.querySelectorAll('a')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length : -1,
        iframes: content?.querySelectorAll('iframe').length ?? -1,
        styled: content?.querySelectorAll('[style]').length ?? -1,
        text: content?.textContent ?? '',
      };
    });
    expect(verdict).toMatchObject({ pwned: null, scripts: 0, handlers: 0, jsLinks: 0, iframes: 0, styled: 0 });
    expect(verdict.text).toContain('Before');
    expect(verdict.text).toContain('After');
    await timeline.close();
  });

  it('the content script detects the feeds a page links, and none on a page without', async () => {
    const page = await orrery.context.newPage();
    await page.goto('http://blog-with-feed.example/');
    const worker = await orrery.worker();
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ url: 'http://blog-with-feed.example/*' }))[0]?.id ?? -1);
    expect(tabId).toBeGreaterThan(0);
    await expect.poll(() => worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId), { timeout: 10_000 }).toContain('2 feeds');
    const popup = await orrery.open(`/popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.getByTestId('detected-feed').count()).toBe(2);
    expect(await popup.getByTestId('detected-feed').first().textContent()).toContain('A blog (RSS)');
    await popup.getByTestId('subscribe-detected').first().click();
    await expect.poll(async () => (await readStore(popup)).feeds).toBe(547);
    await popup.close();

    const plain = await orrery.context.newPage();
    await plain.goto('http://no-feed.example/');
    await plain.waitForTimeout(1000);
    const plainId = await worker.evaluate(async () => (await chrome.tabs.query({ url: 'http://no-feed.example/*' }))[0]?.id ?? -1);
    expect(await worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), plainId)).toBe('Orrery');
    const popup2 = await orrery.open(`/popup.html?tabId=${plainId}`);
    await popup2.getByTestId('unread-total').waitFor();
    await popup2.waitForTimeout(500);
    expect(await popup2.getByTestId('detected-feed').count()).toBe(0);
    await Promise.all([page.close(), plain.close(), popup2.close()]);
  });

  it('loses nothing when the service worker is stopped, and keeps working after', async () => {
    const page = await orrery.open('/popup.html');
    const before = await readStore(page);
    await orrery.stopWorker();
    // A message wakes the worker again.
    const progress = await sendFromPage<{ running: boolean }>(page, { type: 'get-refresh-progress' });
    expect(progress.running).toBe(false);
    const after = await readStore(page);
    expect(after).toEqual(before);
    // And it still works: a refresh answered by 304s adds nothing and duplicates nothing.
    const since = Date.now();
    await sendFromPage(page, { type: 'refresh-all' });
    await orrery.stopWorker(); // stopped in the middle of the refresh
    await sendFromPage(page, { type: 'get-refresh-progress' });
    await waitForRefresh(page, since);
    const again = await readStore(page);
    expect(again.keys.sort()).toEqual(before.keys.sort());
    const worker = await orrery.worker();
    await expect.poll(() => worker.evaluate(() => chrome.alarms.get('poll').then((a) => a?.name ?? null))).toBe('poll');
    await page.close();
  });
});

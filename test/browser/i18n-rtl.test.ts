/**
 * Chromium running in Arabic: every page is right to left (`dir="rtl"` from Chrome's own
 * `@@bidi_dir`, `lang="ar"`), the timeline's sidebar sits on the right with the river on its
 * left, text starts at the right, numbers and dates are formatted as Intl formats them in Arabic,
 * plural messages pick Arabic's six forms, and the keyboard still moves through the river.
 * Screenshots of the three pages go to ORRERY_RTL_SHOTS (when set) to be looked at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../server/fixture-server.mjs';
import { launchOrrery, type Orrery } from './launch';
import { seedPosts } from './river-seed';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let orrery: Orrery;

const SHOTS = process.env.ORRERY_RTL_SHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

const rootLanguage = (p: Page) => p.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
/** `n` as Intl writes it in Arabic in this browser (Arabic-Indic or Latin digits: whatever Chromium's `ar` gives). */
const arabicNumber = (p: Page, n: number) => p.evaluate((x) => new Intl.NumberFormat('ar').format(x), n);
/**
 * Where the first and the last character of `text` (inside `el`) are drawn, from the left: a feed's
 * English name ending in ")" reads left to right only if it is isolated from the Arabic around it
 * (else the bidi algorithm moves the ")" to the left of the name).
 */
const ends = (p: Page, selector: string, text: string) =>
  p.locator(selector).first().evaluate((el, want) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(want);
      if (at < 0) continue;
      const left = (k: number) => {
        const r = document.createRange();
        r.setStart(n, k);
        r.setEnd(n, k + 1);
        return r.getBoundingClientRect().left;
      };
      return { first: left(at), last: left(at + want.length - 1), box: el.getBoundingClientRect().left };
    }
    throw new Error(`no "${want}" in ${selector}`);
  }, text);
/** Whether every character of `text` (inside the first `selector`) is drawn right of the one before it. */
const inOrder = (p: Page, selector: string, text: string) =>
  p.locator(selector).first().evaluate((el, want) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(want);
      if (at < 0) continue;
      const left = (k: number) => {
        const r = document.createRange();
        r.setStart(n, at + k);
        r.setEnd(n, at + k + 1);
        return r.getBoundingClientRect().left;
      };
      return [...want].every((_, k) => k === 0 || left(k) >= left(k - 1));
    }
    throw new Error(`no "${want}" in ${selector}`);
  }, text);
/** The river's heading line: "<n posts> · <last update>". */
const postsLine = (p: Page) => p.locator('.scope-header p').textContent();

beforeAll(async () => {
  server = await startFixtureServer();
  orrery = await launchOrrery({ serverPort: server.port, lang: 'ar' });
  const home = await orrery.open('/options.html');
  // Debian ships Chromium's other languages apart: without them it runs in English whatever it is told.
  const ui = await home.evaluate(() => chrome.i18n.getUILanguage());
  if (!ui.startsWith('ar')) throw new Error(`Chromium runs in "${ui}", not Arabic: install its translations (Debian: apt-get install chromium-l10n)`);
  await home.close();
});

afterAll(async () => {
  await orrery?.close();
  await server?.close();
});

describe('Orrery in Arabic, right to left', () => {
  it('Chrome gives the Arabic catalogue its direction: @@bidi_dir is rtl without the catalogue defining it', async () => {
    const page = await orrery.open('/options.html');
    expect(await page.evaluate(() => [chrome.i18n.getMessage('@@bidi_dir'), chrome.i18n.getMessage('@@bidi_start_edge')])).toEqual(['rtl', 'right']);
    await page.close();
  });

  it('"N posts" takes the Arabic plural form of 0, 1, 2, 3, 11 and 100', async () => {
    // One feed, posts added a few at a time: the river's heading counts them.
    const want: [number, (n: string) => string][] = [
      [1, () => 'منشور واحد'],
      [2, (n) => `${n} منشوران`],
      [3, (n) => `${n} منشورات`],
      [11, (n) => `${n} منشورًا`],
      [100, (n) => `${n} منشور`],
    ];
    const page = await orrery.open('/timeline.html');
    await page.locator('.scope-header').waitFor();
    await expect.poll(() => postsLine(page)).toMatch(new RegExp(`^${await arabicNumber(page, 0)} منشور · `));
    let have = 0;
    for (const [count, text] of want) {
      await seedPosts(page, { feeds: 1, posts: count - have, from: have, readShare: 0, folders: ['مدونات'] });
      have = count;
      await page.reload();
      await expect.poll(() => postsLine(page)).toMatch(new RegExp(`^${text(await arabicNumber(page, count))} · `));
    }
    await page.close();
  });

  it('the popup: rtl, Arabic labels, the unread total as Intl writes it in Arabic', async () => {
    const home = await orrery.open('/options.html');
    // 1,400 more unread posts over three feeds (1,500 in all, 100 of them unread from the test before).
    await seedPosts(home, { feeds: 3, posts: 1400, from: 100, readShare: 0, folders: ['مدونات', 'Podcasts'] });
    await home.close();
    const popup = await orrery.open('/popup.html');
    const total = await arabicNumber(popup, 1500);
    await expect.poll(() => popup.getByTestId('unread-total').textContent()).toBe(total);
    expect(await rootLanguage(popup)).toEqual({ lang: expect.stringMatching(/^ar\b/), dir: 'rtl' });
    expect(await popup.getByTestId('open-timeline').textContent()).toBe('افتح نهر المنشورات');
    expect(await popup.getByTestId('mark-all-read').textContent()).toBe('تعليم الكل كمقروء');
    // The header runs from the right: the unread total is right of the buttons.
    const totalBox = (await popup.getByTestId('unread-total').boundingBox())!;
    const refreshBox = (await popup.getByTestId('refresh-all').boundingBox())!;
    expect(totalBox.x).toBeGreaterThan(refreshBox.x);
    // A post's English title and feed name read left to right inside the Arabic line ("name · قبل 6 أشهر").
    const [feedName, age] = (await popup.getByTestId('recent-entry').first().locator('.meta').textContent())!.split(' · ') as [string, string];
    expect(feedName).toMatch(/^Seed blog \d \(.*\)$/);
    const name = await ends(popup, '[data-testid="recent-entry"] .meta', feedName);
    const when = await ends(popup, '[data-testid="recent-entry"] .meta', age);
    // Right to left: the whole name first (at the right), then the age, none of it torn into the name.
    expect(name.last).toBeGreaterThan(name.first);
    expect(Math.max(when.first, when.last)).toBeLessThan(Math.min(name.first, name.last));
    await shot(popup, 'popup');
    await popup.close();
  });

  it('the timeline: sidebar on the right, river on its left, text from the right, Arabic dates, j/k', async () => {
    const page = await orrery.open('/timeline.html');
    await page.getByTestId('entry').first().waitFor();
    expect(await rootLanguage(page)).toEqual({ lang: expect.stringMatching(/^ar\b/), dir: 'rtl' });
    const side = (await page.locator('.sidebar').boundingBox())!;
    const main = (await page.locator('main.main').boundingBox())!;
    expect(side.x).toBeGreaterThanOrEqual(main.x + main.width - 1);
    // Headings and titles start at the right edge of their box.
    for (const sel of ['.scope-header h1', '.entry-title', '[data-testid="day-heading"]']) {
      const el = page.locator(sel).first();
      expect(await el.evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
      const gap = await el.evaluate((e) => {
        const range = document.createRange();
        range.selectNodeContents(e);
        const text = range.getBoundingClientRect();
        const box = e.getBoundingClientRect();
        const pad = parseFloat(getComputedStyle(e).paddingRight) + parseFloat(getComputedStyle(e).borderRightWidth);
        return { right: box.right - pad - text.right, left: text.left - box.left };
      });
      expect(Math.abs(gap.right)).toBeLessThan(2);
    }
    // The newest post is dated 1 June 2026: the day heading is Intl's Arabic date.
    const day = await page.evaluate(() => new Intl.DateTimeFormat('ar', { year: 'numeric', month: 'long', day: 'numeric' }).format(Date.UTC(2026, 5, 1)));
    expect(await page.getByTestId('day-heading').first().textContent()).toBe(day);
    await expect.poll(() => postsLine(page)).toContain(`${await arabicNumber(page, 1500)} منشور`);
    await expect.poll(() => page.locator('.sidebar .scope-all .name').textContent()).toBe('كل الخلاصات');
    // Feed-provided words keep their own direction: English titles, feed names and posts read left to right,
    // an Arabic folder name right to left; a long English feed name is cut at its end, its start in view.
    const direction = (sel: string) => page.locator(sel).first().evaluate((e) => getComputedStyle(e).direction);
    expect(await direction('[data-testid="entry-title"]')).toBe('ltr');
    expect(await direction('[data-testid="entry-content"]')).toBe('ltr');
    expect(await direction('.content pre')).toBe('ltr');
    expect(await direction('[data-testid="folder-scope"]:has-text("مدونات") .name')).toBe('rtl');
    const feedName = (await page.getByTestId('entry-feed').first().textContent())!;
    expect(feedName).toMatch(/^Seed blog \d \(.*\)$/);
    const heading = await ends(page, '[data-testid="entry-feed"]', feedName);
    expect(heading.last).toBeGreaterThan(heading.first);
    const sideName = await ends(page, `[data-testid="feed-list-item"]:has-text("${feedName.slice(0, 11)}") .name`, feedName.slice(0, 4));
    expect(sideName.first).toBeGreaterThanOrEqual(sideName.box - 0.5);
    await shot(page, 'timeline');
    // j and k still move down and up the river.
    await page.locator('main.main').focus();
    const entries = page.getByTestId('entry');
    await page.keyboard.press('j');
    await expect.poll(() => entries.nth(0).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(() => entries.nth(2).evaluate((el) => el === document.activeElement && el.classList.contains('current'))).toBe(true);
    await page.keyboard.press('k');
    await expect.poll(() => entries.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.close();
  });

  it('the options page: rtl, Arabic title and sections', async () => {
    const page = await orrery.open('/options.html');
    await expect.poll(() => rootLanguage(page)).toEqual({ lang: expect.stringMatching(/^ar\b/), dir: 'rtl' });
    expect(await page.title()).toBe('Orrery: الاشتراكات والإعدادات');
    expect(await page.getByRole('navigation', { name: 'الأقسام' }).count()).toBe(1);
    await shot(page, 'options');
    // The subscriptions table (its rows are painted only near the viewport).
    await page.getByTestId('subscription').first().scrollIntoViewIfNeeded();
    await shot(page, 'options-subscriptions');
    await page.close();
  });

  it('an English feed name in an Arabic notice keeps its own order: the translated sentence isolates it', async () => {
    // A name ending in neutral characters: without an isolate the "++" goes to the Arabic side ("++What's new in C").
    const name = "What's new in C++";
    const home = await orrery.open('/options.html');
    await home.evaluate(async (title) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('orrery');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction('feeds', 'readwrite');
      const feeds = tx.objectStore('feeds');
      const feed = await new Promise<Record<string, unknown>>((resolve) => (feeds.get('seed-0').onsuccess = (e) => resolve((e.target as IDBRequest).result)));
      feeds.put({ ...feed, title });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, name);
    await home.close();
    const page = await orrery.open('/options.html');
    const row = page.locator('[data-testid="subscription"][data-feed-url="http://seed-0.example/feed.xml"]');
    await row.getByTestId('unsubscribe').click();
    const notice = page.locator('.undo-bar p[role="status"]').first();
    await notice.waitFor();
    // Every character of the name is drawn right of the one before it: it reads left to right, whole.
    expect(await inOrder(page, '.undo-bar p[role="status"]', name)).toBe(true);
    // The name sits in the sentence between U+2068 and U+2069 (first strong isolate), in the DOM's text.
    expect(await notice.textContent()).toContain(`\u2068${name}\u2069`);
    await shot(page, 'options-unsubscribed');
    await page.getByTestId('undo-unsubscribe').click();
    await expect.poll(() => row.count()).toBe(1);
    await page.close();
  });

  it("an English folder's name in the Arabic subscriptions table: its count is drawn after it, on its left", async () => {
    const page = await orrery.open('/options.html');
    // A folder's header: an English folder name, then its count to its left (read after it, right to left).
    const header = page.locator('[data-testid="folder-group"][data-folder="Podcasts"] [role="rowheader"]');
    const nameBox = await header.evaluate((h) => {
      const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
      let n = walker.nextNode();
      while (n && !n.textContent!.includes('Podcasts')) n = walker.nextNode();
      const r = document.createRange();
      r.setStart(n!, n!.textContent!.indexOf('Podcasts'));
      r.setEnd(n!, n!.textContent!.indexOf('Podcasts') + 'Podcasts'.length);
      return r.getBoundingClientRect().left;
    });
    const countBox = (await header.locator('.muted').boundingBox())!;
    expect(countBox.x + countBox.width).toBeLessThanOrEqual(nameBox + 0.5);
    await page.close();
  });

  it('a narrow screen: the sidebar toggle sits at the right, opens and closes the sidebar from the keyboard, names from the right', async () => {
    const page = await orrery.open('/timeline.html');
    await page.setViewportSize({ width: 480, height: 800 });
    await page.getByTestId('entry').first().waitFor();
    const toggle = page.locator('.sidebar-toggle');
    const wrap = page.locator('#sidebar');
    expect(await wrap.isVisible()).toBe(false);
    // The toolbar runs from the right: the toggle is its first control, at the right of the search box.
    const toggleBox = (await toggle.boundingBox())!;
    const searchBox = (await page.getByTestId('search-input').boundingBox())!;
    expect(toggleBox.x).toBeGreaterThan(searchBox.x);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await page.locator('.sidebar .scope-all').waitFor();
    // The sidebar takes the column's width; its names start at its right edge.
    const side = (await page.locator('.sidebar').boundingBox())!;
    const river = (await page.locator('main.main').boundingBox())!;
    expect(Math.abs(side.x + side.width - (river.x + river.width))).toBeLessThan(2);
    const all = await ends(page, '.sidebar .scope-all .name', 'كل الخلاصات');
    expect(Math.max(all.first, all.last)).toBeGreaterThan(side.x + side.width / 2);
    await shot(page, 'timeline-narrow-open');
    await page.keyboard.press(' ');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await wrap.isVisible()).toBe(false);
    await page.close();
  });
});

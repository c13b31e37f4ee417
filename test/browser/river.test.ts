/**
 * The river, driven as a reader drives it: scopes, views, filters, search, read/star/undo
 * and the keyboard, on real fixture feeds in real Chromium.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readStore, sendFromPage } from './helpers';
import { setupRiver, type RiverFixture } from './river-setup';

/** PAGE_SIZE in components/timeline/river-state.ts: the river's first page. */
const PAGE = 40;

let fx: RiverFixture;
let page: Page;

interface Shown {
  id: string;
  feedId: string;
  read: boolean;
  starred: boolean;
  title: string;
  feed: string;
  pos: number;
}

/** The articles in the DOM, in order. */
function shown(p: Page): Promise<Shown[]> {
  return p.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="entry"]')].map((el) => ({
      id: el.dataset.entryId ?? '',
      feedId: el.dataset.feedId ?? '',
      read: el.dataset.read === 'true',
      starred: el.dataset.starred === 'true',
      title: el.querySelector('[data-testid="entry-title"]')?.textContent ?? '',
      feed: el.closest('.run')?.querySelector('[data-testid="entry-feed"]')?.textContent ?? '',
      pos: Number(el.getAttribute('aria-posinset')),
    })),
  );
}

/** Unread count of a sidebar row (the folder or "All feeds" button). */
const sidebarCount = (p: Page, name: string) =>
  p.locator('.sidebar .scope', { hasText: name }).first().getByTestId('unread-count').textContent();

async function openTimeline(hash = ''): Promise<Page> {
  const p = await fx.orrery.open(`/timeline.html${hash}`);
  await p.getByTestId('entry').first().waitFor();
  await expect.poll(() => p.locator('[role="feed"]').getAttribute('aria-busy')).toBe('false');
  return p;
}

beforeAll(async () => {
  fx = await setupRiver();
});

afterAll(async () => {
  await fx?.close();
});

beforeEach(async () => {
  // Every test starts from everything unread, nothing starred, default views: set through
  // the extension's own messages, so every count it maintains stays true.
  const { keys, starred } = await fx.home.evaluate(async () => {
    localStorage.clear();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('orrery');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = await new Promise<{ feedId: string; id: string; starred: number }[]>((resolve, reject) => {
      const r = db.transaction('posts').objectStore('posts').getAll();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return {
      keys: all.map((p) => [p.feedId, p.id] as [string, string]),
      starred: all.filter((p) => p.starred === 1).map((p) => [p.feedId, p.id] as [string, string]),
    };
  });
  await sendFromPage(fx.home, { type: 'set-read', keys, read: false });
  for (const key of starred) await sendFromPage(fx.home, { type: 'set-starred', key, starred: false });
  page = await openTimeline();
});

afterEach(async () => {
  await page?.close();
});

describe('the river', () => {
  it('is an ARIA feed of articles under day headings and feed names, with positions and absolute times on hover', async () => {
    const store = await readStore(page);
    const feed = page.locator('[role="feed"]');
    expect(await feed.getAttribute('aria-label')).toContain('All feeds');
    const items = await shown(page);
    expect(items.length).toBe(Math.min(store.posts, PAGE));
    expect(items.map((i) => i.pos)).toEqual(items.map((_, i) => i + 1));
    const setsize = await page.getByTestId('entry').first().getAttribute('aria-setsize');
    expect(setsize).toBe(String(store.posts));
    expect(items.every((i) => i.feed.length > 0)).toBe(true);
    expect(await page.getByTestId('day-heading').first().textContent()).toMatch(/^[A-Z][a-z]+ \d{1,2}, 20\d\d$/);
    const time = page.getByTestId('entry').first().locator('time');
    expect(await time.textContent()).toMatch(/ago|just now/);
    expect(await time.getAttribute('title')).toMatch(/20\d\d/);
    // Each post's title links to the post, and its feed name to the site.
    expect(await page.getByTestId('entry-title').first().getAttribute('href')).toMatch(/^http:\/\/[a-z-]+\.example\//);
    expect(await page.getByTestId('entry-feed').first().locator('a').getAttribute('href')).toMatch(/^http:\/\/[a-z-]+\.example\//);
  });

  it('scopes to a folder and to one feed from the sidebar, with matching counts and a shareable address', async () => {
    const total = Number(await sidebarCount(page, 'All feeds'));
    const podcasts = Number(await sidebarCount(page, 'Podcasts'));
    const blogs = Number(await sidebarCount(page, 'Blogs'));
    expect(podcasts + blogs).toBe(total);
    await page.locator('.sidebar .scope', { hasText: 'Podcasts' }).first().click();
    await expect.poll(async () => new Set((await shown(page)).map((i) => i.feed))).toEqual(new Set(['Python Bytes', 'Talk Python to Me']));
    await expect.poll(async () => (await shown(page)).length).toBe(podcasts);
    expect(page.url()).toContain('#folder=Podcasts');
    await page.getByTestId('feed-list-item').filter({ hasText: 'Python Bytes' }).locator('button').click();
    await expect.poll(async () => new Set((await shown(page)).map((i) => i.feed))).toEqual(new Set(['Python Bytes']));
    await expect.poll(async () => (await shown(page)).length).toBe(12);
    expect(await page.locator('.scope-header h1').textContent()).toBe('Python Bytes');
    // The address opens the same scope.
    const again = await openTimeline(new URL(page.url()).hash);
    expect(new Set((await shown(again)).map((i) => i.feed))).toEqual(new Set(['Python Bytes']));
    await again.close();
  });

  it('shows full content, a summary, or titles only', async () => {
    expect(await page.getByTestId('entry-content').count()).toBeGreaterThan(0);
    await page.getByTestId('view-titles').click();
    await expect.poll(() => page.getByTestId('entry-content').count()).toBe(0);
    expect(await page.locator('.excerpt').count()).toBe(0);
    expect(await page.getByTestId('view-titles').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('view-summary').click();
    await expect.poll(() => page.locator('.excerpt').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('entry-content').count()).toBe(0);
    // Expanding a post in summary view shows its content and marks it read.
    const first = page.getByTestId('entry').first();
    await first.getByRole('button', { name: 'Show content' }).click();
    await expect.poll(() => first.getByTestId('entry-content').count()).toBe(1);
    await expect.poll(() => first.getAttribute('data-read')).toBe('true');
    await page.getByTestId('view-full').click();
    await expect.poll(() => page.getByTestId('entry-content').count()).toBeGreaterThan(1);
    // The view is remembered.
    await page.getByTestId('view-titles').click();
    const again = await openTimeline();
    expect(await again.getByTestId('view-titles').getAttribute('aria-pressed')).toBe('true');
    await again.close();
  });

  it('filters unread and starred posts', async () => {
    const entries = page.getByTestId('entry');
    await entries.nth(0).getByTestId('toggle-read').click();
    await entries.nth(1).getByTestId('toggle-star').click();
    await expect.poll(() => entries.nth(0).getAttribute('data-read')).toBe('true');
    await expect.poll(() => entries.nth(1).getAttribute('data-starred')).toBe('true');
    const [read, starred] = (await shown(page)).slice(0, 2);
    await page.getByTestId('filter-unread').click();
    await expect.poll(async () => (await shown(page)).some((i) => i.id === read?.id && i.feedId === read.feedId)).toBe(false);
    expect((await shown(page)).every((i) => !i.read)).toBe(true);
    await page.getByTestId('filter-starred').click();
    await expect.poll(async () => (await shown(page)).map((i) => i.id)).toEqual([starred?.id]);
    await page.getByTestId('filter-all').click();
    await expect.poll(async () => (await shown(page)).length).toBe(PAGE);
  });

  it('searches titles and text of every stored post while typing', async () => {
    const input = page.getByTestId('search-input');
    await input.click();
    await input.pressSequentially('pytest');
    await expect.poll(() => page.getByTestId('search-status').textContent()).toMatch(/^\d+ posts? match$/);
    const n = Number((await page.getByTestId('search-status').textContent())?.split(' ')[0]);
    expect(n).toBeGreaterThan(0);
    // Every result mentions it; the count is what the store holds.
    const expected = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const r = indexedDB.open('orrery');
        r.onsuccess = () => resolve(r.result);
      });
      const all = await new Promise<{ title: string; contentHtml?: string; summary?: string }[]>((resolve) => {
        const r = db.transaction('posts').objectStore('posts').getAll();
        r.onsuccess = () => resolve(r.result);
      });
      const text = (html = '') => new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
      return all.filter((p) => `${p.title} ${text(p.contentHtml ?? p.summary)}`.toLowerCase().includes('pytest')).length;
    });
    expect(n).toBe(expected);
    await expect.poll(() => page.getByTestId('entry').count()).toBe(Math.min(n, PAGE));
    const texts = await page.getByTestId('entry').allTextContents();
    expect(texts.length).toBe(Math.min(n, PAGE));
    expect(texts.every((t) => t.toLowerCase().includes('pytest'))).toBe(true);
    // Two words: both must match.
    await input.pressSequentially(' zzznotaword');
    await expect.poll(() => page.getByTestId('search-status').textContent()).toBe('0 posts match');
    await expect.poll(() => page.getByTestId('entry').count()).toBe(0);
    expect(await page.locator('.empty').textContent()).toContain('No post matches');
    // Escape clears the search and the river comes back.
    await input.press('Escape');
    await expect.poll(() => page.getByTestId('entry').count()).toBe(PAGE);
  });

  it('marks a folder read with undo, and everything above a post read with undo', async () => {
    const before = await readStore(page);
    const podcasts = Number(await sidebarCount(page, 'Podcasts'));
    await page.locator('.sidebar .scope', { hasText: 'Podcasts' }).first().click();
    await expect.poll(() => page.getByTestId('mark-all-read').textContent()).toBe('Mark folder read');
    await page.getByTestId('mark-all-read').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain(`Marked ${podcasts} posts read`);
    await expect.poll(async () => (await readStore(page)).unread).toBe(before.unread - podcasts);
    await expect.poll(() => sidebarCount(page, 'Podcasts')).toBe('0');
    await expect.poll(async () => (await shown(page)).every((i) => i.read)).toBe(true);
    await page.getByTestId('undo').click();
    await expect.poll(async () => (await readStore(page)).unread).toBe(before.unread);
    await expect.poll(() => sidebarCount(page, 'Podcasts')).toBe(String(podcasts));
    await expect.poll(async () => (await shown(page)).every((i) => !i.read)).toBe(true);

    await page.locator('.sidebar .scope', { hasText: 'All feeds' }).click();
    await expect.poll(async () => (await shown(page)).length).toBe(PAGE);
    await page.getByTestId('entry').nth(3).getByTestId('mark-above-read').click();
    await expect.poll(async () => (await shown(page)).slice(0, 5).map((i) => i.read)).toEqual([true, true, true, false, false]);
    expect((await readStore(page)).unread).toBe(before.unread - 3);
    await page.getByTestId('undo').click();
    await expect.poll(async () => (await readStore(page)).unread).toBe(before.unread);
  });

  it('is driven by the keyboard: j/k, m, s, o, x, A, r, / and ?', async () => {
    await page.getByTestId('view-titles').click();
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('j');
    const entries = page.getByTestId('entry');
    await expect.poll(() => entries.nth(0).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(() => entries.nth(2).evaluate((el) => el === document.activeElement && el.classList.contains('current'))).toBe(true);
    await page.keyboard.press('k');
    await expect.poll(() => entries.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
    // In titles view, moving does not read; m does, and m again undoes it.
    expect(await entries.nth(1).getAttribute('data-read')).toBe('false');
    await page.keyboard.press('m');
    await expect.poll(() => entries.nth(1).getAttribute('data-read')).toBe('true');
    await page.keyboard.press('m');
    await expect.poll(() => entries.nth(1).getAttribute('data-read')).toBe('false');
    await page.keyboard.press('s');
    await expect.poll(() => entries.nth(1).getAttribute('data-starred')).toBe('true');
    await expect.poll(async () => (await shown(page))[1]?.starred).toBe(true);
    // x expands here (and reads it).
    await page.keyboard.press('x');
    await expect.poll(() => entries.nth(1).getByTestId('entry-content').count()).toBe(1);
    await expect.poll(() => entries.nth(1).getAttribute('data-read')).toBe('true');
    // o opens the post in a new tab and marks it read.
    await page.keyboard.press('j');
    // j may load before it moves: wait until it has, so o acts on the post after it.
    await expect.poll(() => entries.nth(2).evaluate((el) => el === document.activeElement)).toBe(true);
    const href = await entries.nth(2).getByTestId('entry-title').getAttribute('href');
    const [tab] = await Promise.all([fx.orrery.context.waitForEvent('page'), page.keyboard.press('o')]);
    await expect.poll(() => tab.url()).toBe(href);
    await tab.close();
    await expect.poll(() => entries.nth(2).getAttribute('data-read')).toBe('true');
    // Shift+A: everything above the current post read.
    await page.bringToFront();
    await page.keyboard.press('j');
    await expect.poll(() => entries.nth(3).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Shift+A');
    await expect.poll(async () => (await shown(page)).slice(0, 3).every((i) => i.read)).toBe(true);
    expect((await shown(page))[3]?.read).toBe(false);
    // r starts a refresh.
    const since = Date.now();
    await page.keyboard.press('r');
    await expect.poll(async () => (await sendFromPage<{ startedAt: number }>(page, { type: 'get-refresh-progress' })).startedAt).toBeGreaterThanOrEqual(since - 1000);
    // / focuses the search box; keys typed there stay there.
    await page.keyboard.press('/');
    await expect.poll(() => page.getByTestId('search-input').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('jk');
    expect(await page.getByTestId('search-input').inputValue()).toBe('jk');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    // ? lists every shortcut in a dialog; Escape closes it.
    await page.keyboard.press('?');
    const dialog = page.getByTestId('shortcuts-dialog');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    const rows = await dialog.locator('tbody tr').allTextContents();
    for (const key of ['j', 'k', 'o', 'Enter', 'm', 's', 'r', '/', '?']) expect(rows.some((r) => r.includes(key))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
  });

  it('in full view, j reads each post it arrives at; Enter on a post opens it', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(async () => (await shown(page)).slice(0, 3).map((i) => i.read)).toEqual([true, true, false]);
    const href = await page.getByTestId('entry').nth(1).getByTestId('entry-title').getAttribute('href');
    const [tab] = await Promise.all([fx.orrery.context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await expect.poll(() => tab.url()).toBe(href);
    await tab.close();
  });

  it('marks posts read as they scroll past when the setting is on', async () => {
    await page.evaluate(() => chrome.storage.local.set({ settings: { markReadOnScroll: true } }));
    const p = await openTimeline();
    await p.getByTestId('view-titles').click();
    // A new view renders a slice of posts at a time: scroll once the first page is all there.
    await expect.poll(() => p.getByTestId('entry').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(PAGE);
    expect((await shown(p)).every((i) => !i.read)).toBe(true);
    await p.evaluate(() => {
      const el = document.querySelectorAll('[data-testid="entry"]')[6] as HTMLElement;
      window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 200);
    });
    const where = () =>
      p.evaluate(() => {
        const top = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
        const all = [...document.querySelectorAll<HTMLElement>('[data-testid="entry"]')];
        return {
          passed: all.filter((e) => e.getBoundingClientRect().bottom <= top).map((e) => e.dataset.read),
          below: all.filter((e) => e.getBoundingClientRect().top > top + 100).map((e) => e.dataset.read),
        };
      });
    await expect.poll(async () => (await where()).passed, { timeout: 5000 }).toEqual(['true', 'true']);
    expect(new Set((await where()).below)).toEqual(new Set(['false']));
    await p.evaluate(() => chrome.storage.local.remove('settings'));
    await p.close();
  });
});

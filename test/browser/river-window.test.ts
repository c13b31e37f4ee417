/**
 * Windowed rendering: 3,000 stored posts read page by page while the reader scrolls, with
 * only a window of articles in the DOM, positions that never jump, and j/k across pages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../server/fixture-server.mjs';
import { launchOrrery, type Orrery } from './launch';
import { seedPosts } from './river-seed';

const POSTS = 3000;
/** PAGE_SIZE × MAX_PAGES in components/timeline/use-river.ts. */
const WINDOW = 200;

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let orrery: Orrery;
let page: Page;

interface Snapshot {
  count: number;
  min: number;
  max: number;
  firstVisible: number;
  setsize: string | null;
  scrollY: number;
}

const snapshot = (p: Page): Promise<Snapshot> =>
  p.evaluate(() => {
    const arts = [...document.querySelectorAll<HTMLElement>('[data-testid="entry"]')];
    const pos = arts.map((a) => Number(a.getAttribute('aria-posinset')));
    const top = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
    const first = arts.find((a) => a.getBoundingClientRect().bottom > top + 1);
    return {
      count: arts.length,
      min: Math.min(...pos),
      max: Math.max(...pos),
      firstVisible: Number(first?.getAttribute('aria-posinset') ?? 0),
      setsize: arts[0]?.getAttribute('aria-setsize') ?? null,
      scrollY: window.scrollY,
    };
  });

beforeAll(async () => {
  server = await startFixtureServer();
  orrery = await launchOrrery({ serverPort: server.port });
  const home = await orrery.open('/options.html');
  await seedPosts(home, { feeds: 30, posts: POSTS });
  await home.close();
  page = await orrery.open('/timeline.html');
  await page.getByTestId('entry').first().waitFor();
});

afterAll(async () => {
  await orrery?.close();
  await server?.close();
});

describe('windowed river', () => {
  it('keeps a window of articles while scrolling far down, and the reading position never jumps back', async () => {
    await page.getByTestId('view-summary').click();
    let last = await snapshot(page);
    expect(last.setsize).toBe(String(POSTS));
    expect(last.count).toBeLessThanOrEqual(WINDOW);
    const seen: number[] = [];
    for (let step = 0; step < 1000 && last.max < 1200; step++) {
      await page.mouse.wheel(0, 700);
      await page.waitForTimeout(30);
      const s = await snapshot(page);
      expect(s.count).toBeLessThanOrEqual(WINDOW);
      // The post at the top of the screen only ever moves forward while scrolling down.
      expect(s.firstVisible).toBeGreaterThanOrEqual(last.firstVisible);
      seen.push(s.firstVisible);
      last = s;
    }
    expect(last.max).toBeGreaterThanOrEqual(1200);
    expect(last.min).toBeGreaterThan(1);
    // The feed says it is busy only while loading.
    await expect.poll(() => page.locator('[role="feed"]').getAttribute('aria-busy')).toBe('false');
    expect(new Set(seen).size).toBeGreaterThan(100);
  });

  it('brings the first posts back when the reader returns to the top', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(async () => (await snapshot(page)).min).toBe(1);
    await expect.poll(async () => (await snapshot(page)).firstVisible).toBe(1);
    const s = await snapshot(page);
    expect(s.count).toBeLessThanOrEqual(WINDOW);
    expect(await page.getByTestId('entry').first().getByTestId('entry-title').textContent()).toContain('#0');
  });

  it('moves with j across page boundaries, loading as it goes', async () => {
    await page.getByTestId('view-titles').click();
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    for (let i = 0; i < 95; i++) await page.keyboard.press('j');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-posinset')))
      .toBe('95');
    const title = await page.evaluate(() => document.activeElement?.querySelector('[data-testid="entry-title"]')?.textContent);
    expect(title).toContain('#94');
    for (let i = 0; i < 50; i++) await page.keyboard.press('k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-posinset'))).toBe('45');
  });
});

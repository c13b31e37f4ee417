// Scrolling the river as a reader does, for the UI benches: by 90% of a screen every two
// frames, with a `longtask` observer, until `posts` posts have gone by or `maxMs` passed.
import type { Page } from 'playwright-core';

/** What a scroll measured. */
export interface Scroll {
  /** The longest task seen, ms. */
  longest: number;
  /** Tasks over 50 ms. */
  tasks: number;
  seconds: number;
  /** The highest post position reached. */
  reached: number;
}

/** Scrolls the river in `view` until `posts` posts have gone by (or `maxMs`); the longest task and the time taken. */
export async function scrollThrough(page: Page, view: 'titles' | 'full' | 'summary' | 'cards', posts: number, maxMs: number): Promise<Scroll> {
  await page.getByTestId(`view-${view}`).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500);
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  return (await page.evaluate(`(async () => {
    const tasks = [];
    const po = new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(e.duration); });
    po.observe({ type: 'longtask' });
    const t0 = performance.now();
    const maxPos = () => Math.max(0, ...[...document.querySelectorAll('[data-testid="entry"]')].map((a) => Number(a.getAttribute('aria-posinset'))));
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    let reached = 0;
    while (reached < ${posts} && performance.now() - t0 < ${maxMs}) {
      window.scrollBy(0, Math.round(innerHeight * 0.9));
      await frame();
      await frame();
      reached = maxPos();
    }
    await new Promise((r) => setTimeout(r, 300));
    po.disconnect();
    return { longest: Math.max(0, ...tasks), tasks: tasks.length, seconds: (performance.now() - t0) / 1000, reached };
  })()`)) as Scroll;
}

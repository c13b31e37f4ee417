// Scrolling the river as a reader does, for the UI benches: by 90% of a screen every two
// frames, with a `longtask` observer, until `posts` posts have gone by or `maxMs` passed; and
// the jumps a reader makes deep in the river (another view, back to the top).
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

/** Page-side start of a measure: long tasks observed from now (`tasks`, `po`), `t0`, and `maxPos()`, the furthest post in the DOM. */
const PRELUDE = `const tasks = [];
    const po = new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(e.duration); });
    po.observe({ type: 'longtask' });
    const t0 = performance.now();
    const maxPos = () => Math.max(0, ...[...document.querySelectorAll('[data-testid="entry"]')].map((a) => Number(a.getAttribute('aria-posinset'))));`;

/**
 * Deep in the river (after a scroll), switches to `view` and goes back to the top, as a
 * reader does: the longest task from the click until the first post is on screen again and
 * the river is idle (or `maxMs`).
 */
export async function switchThenTop(page: Page, view: 'titles' | 'full' | 'summary' | 'cards', maxMs: number): Promise<Scroll> {
  return (await page.evaluate(`(async () => {
    ${PRELUDE}
    const reached = maxPos();
    const settled = async (first) => {
      while (performance.now() - t0 < ${maxMs}) {
        await new Promise((r) => setTimeout(r, 100));
        const busy = document.querySelector('[role="feed"]')?.getAttribute('aria-busy') === 'true';
        const one = document.querySelector('[data-testid="entry"][aria-posinset="1"]') !== null;
        if (!busy && (!first || one)) return;
      }
    };
    document.querySelector('[data-testid="view-${view}"]').click();
    await settled(false);
    window.scrollTo(0, 0);
    await settled(true);
    await new Promise((r) => setTimeout(r, 300));
    po.disconnect();
    return { longest: Math.max(0, ...tasks), tasks: tasks.length, seconds: (performance.now() - t0) / 1000, reached };
  })()`)) as Scroll;
}

/** Scrolls the river in `view` until `posts` posts have gone by from where it was (or `maxMs`); the longest task and the time taken. */
export async function scrollThrough(page: Page, view: 'titles' | 'full' | 'summary' | 'cards', posts: number, maxMs: number): Promise<Scroll> {
  await page.getByTestId(`view-${view}`).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500);
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  return (await page.evaluate(`(async () => {
    ${PRELUDE}
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    // Counted from the posts already there: a window left deep in the river counts nothing.
    const start = maxPos();
    let reached = start;
    while (reached - start < ${posts} && performance.now() - t0 < ${maxMs}) {
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

/**
 * The window follows the reader: after a render and on scroll, pages in the DOM are measured,
 * the window moves towards the page under the screen's middle (a page at a time, or a jump),
 * and the next page loads near the end. A new view renders from the post on screen.
 */
import { heightOf, pageAt, stepWindow, windowAround } from '../../lib/ui/river-window';
import { container, stopFill, type RiverCore } from './river-core';
import type { FillOps } from './river-fill';
import type { PagingOps } from './river-paging';
import { MAX_PAGES } from './river-state';

/** The end must stay in reach this long before the next page loads by itself (a click on "Load older posts" wins). */
const AUTOLOAD_DWELL_MS = 200;

/** How the window follows the reader of one river. */
export interface FollowOps {
  /** Measures the pages in the DOM, moves the window with the reader, loads more near the end. */
  check: () => void;
  /** The view changed: only the page of the first post on screen stays, rendered again from that post. */
  reshape: () => void;
}

export function followOps(c: RiverCore, { startAt }: FillOps, { setWindow, loadNext }: PagingOps): FollowOps {
  /**
   * The reader is far from the window (Home, the scroll bar dragged): the window becomes the
   * one page under the screen's middle, rendered from the post estimated at the screen's top;
   * later checks grow it a page at a time.
   */
  const jumpTo = (focus: number, heights: number[], riverTop: number) => {
    const n = c.s.current.pages[focus]?.keys.length ?? 0;
    const h = heights[focus] ?? 0;
    const pageTop = riverTop + heightOf(heights, 0, focus);
    const i = n > 0 && h > 0 ? Math.min(n - 1, Math.max(0, Math.floor((-pageTop / h) * n))) : 0;
    void setWindow({ lo: focus, hi: focus }, true, { i, top: n > 0 ? pageTop + (i * h) / n : pageTop });
  };

  const reshape = () => {
    const st = c.s.current;
    const root = container(c);
    if (!root || !st.ready || st.win.hi < st.win.lo) return;
    const el = [...root.querySelectorAll<HTMLElement>('article[data-entry-id]')].find((a) => a.getBoundingClientRect().bottom > 0);
    if (!el) return;
    for (let p = st.win.lo; p <= st.win.hi; p++) {
      const i = st.pages[p]?.posts?.findIndex((q) => q.id === el.dataset.entryId && q.feedId === el.dataset.feedId) ?? -1;
      if (i < 0) continue;
      stopFill(c);
      st.pages.forEach((page, k) => {
        if (k !== p) delete page.posts;
      });
      st.win = { lo: p, hi: p };
      st.partial = undefined;
      startAt(p, i, el.getBoundingClientRect().top);
      return;
    }
  };

  const check = () => {
    const st = c.s.current;
    const root = container(c);
    const top = c.topRef.current;
    const bottom = c.bottomRef.current;
    // After a failed read the window waits for the reader (a press, "Try again"): asking again
    // by itself after every render would read, fail and render again for as long as it fails.
    if (!root || !top || !bottom || !st.ready || st.loading || st.shifting || st.partial !== undefined || st.error !== undefined) return;
    const { lo, hi } = st.win;
    const contentTop = top.getBoundingClientRect().bottom;
    const contentBottom = bottom.getBoundingClientRect().top;
    const marks = new Map<number, number>();
    for (const el of root.querySelectorAll<HTMLElement>('[data-page-first]')) marks.set(Number(el.dataset.pageFirst), el.getBoundingClientRect().top);
    for (let p = lo; p <= hi; p++) {
      const from = p === lo ? contentTop : marks.get(p);
      const to = p === hi ? contentBottom : marks.get(p + 1);
      const page = st.pages[p];
      if (page && from !== undefined && to !== undefined) page.height = Math.max(0, to - from);
    }
    const heights = st.pages.map((p) => p.height);
    const riverTop = top.getBoundingClientRect().top;
    const focus = pageAt(heights, window.innerHeight / 2 - riverTop);
    const want = windowAround(focus, st.pages.length, MAX_PAGES);
    if (want.lo !== lo || want.hi !== hi) {
      if (focus < lo || focus > hi) jumpTo(focus, heights, riverTop);
      else void setWindow(stepWindow(st.win, want, MAX_PAGES), true);
      return;
    }
    const nearEnd = hi === st.pages.length - 1 && !st.ended && contentBottom < window.innerHeight * 2.5;
    if (nearEnd && c.dwell.current === undefined) {
      c.dwell.current = setTimeout(() => {
        c.dwell.current = undefined;
        const b = c.bottomRef.current?.getBoundingClientRect().top;
        // Still at the end: a jump meanwhile leaves a short window whose end is near too.
        const at = c.s.current;
        if (b !== undefined && b < window.innerHeight * 2.5 && at.win.hi === at.pages.length - 1) void loadNext(true);
      }, AUTOLOAD_DWELL_MS);
    }
  };

  return { check, reshape };
}

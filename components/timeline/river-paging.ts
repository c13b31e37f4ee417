/**
 * Reading the river's pages and moving its window: the next page read from the source, pages
 * entering and leaving the DOM, a post brought into the window (j/k, "Load older posts").
 */
import type { StoredPost } from '../../lib/db/types';
import { openOrreryDb } from '../../lib/db/open-db';
import { FILL_STEP } from '../../lib/ui/fill-slice';
import type { PageWindow } from '../../lib/ui/river-window';
import { captureAnchor, rendered, sliceOf, stopFill, type RiverCore } from './river-core';
import type { FillOps } from './river-fill';
import { takePreloaded } from './river-preload';
import { readPosts } from './river-source';
import { MAX_PAGES, PAGE_SIZE, errorText, firstPageRead, fresh, locate, pageOf, type State } from './river-state';

/** The paging of one river. */
export interface PagingOps {
  /**
   * Shows pages [want.lo, want.hi]. `gradual`: a page that enters at an edge, one page away
   * from the old window, is rendered a few posts per idle period (see `partial`), so the move
   * costs the layout of a few posts, not of a whole page, in any one task. `at`: the window is
   * one page the reader jumped to, rendered a slice at a time from its post `at.i`, placed at
   * `at.top` (px from the viewport's top).
   */
  setWindow: (want: PageWindow, gradual?: boolean, at?: { i: number; top: number }) => Promise<void>;
  /** Reads the next page of the source (the first one: the preloaded one if any). */
  loadNext: (gradual?: boolean) => Promise<void>;
  /** Starts the river over (`alreadyReset`: its state is already fresh, maybe with a preloaded first page). */
  start: (alreadyReset?: boolean) => void;
  loadMore: () => Promise<void>;
  ensure: (index: number) => Promise<StoredPost | undefined>;
  /** Asks again for what a failed read was reading (see RiverModel.retry). */
  retry: () => void;
}

export function pagingOps(c: RiverCore, { fillNow, startAt }: FillOps): PagingOps {
  const setWindow = async (want: PageWindow, gradual = false, at?: { i: number; top: number }) => {
    const st = c.s.current;
    const gen = st.gen;
    const ticket = ++st.moves.issued;
    const missing = [];
    for (let p = want.lo; p <= want.hi; p++) if (!st.pages[p]?.posts) missing.push(p);
    if (missing.length) {
      st.shifting = true;
      st.moves.reading++;
      st.error = undefined;
      let got: StoredPost[][];
      try {
        const db = await openOrreryDb();
        got = await Promise.all(missing.map((p) => readPosts(db, st.pages[p]?.keys ?? [])));
      } catch (err) {
        // The window stays as it was and the river says why; the next press (or "Try again")
        // reads again. A failed read used to leave the river shifting for good: the window no
        // longer followed the reader and "Load older posts" stayed disabled.
        if (c.s.current.gen !== gen) return;
        st.shifting = --st.moves.reading > 0;
        if (ticket > st.moves.applied) st.error = errorText(err);
        c.render();
        return;
      }
      if (c.s.current.gen !== gen) return;
      st.shifting = --st.moves.reading > 0;
      // A later move has applied meanwhile (the reader went on): this one would move the window back.
      if (ticket < st.moves.applied) return;
      missing.forEach((p, i) => {
        const page = st.pages[p];
        if (page) page.posts = got[i];
      });
    }
    st.moves.applied = ticket;
    // Pages leaving the window give their posts back; their keys stay, to read them again.
    st.pages.forEach((page, p) => {
      if (p < want.lo || p > want.hi) delete page.posts;
    });
    // A river's first page replaces nothing of its own: no position to keep.
    if (st.pages.length > 1 && !at) captureAnchor(c);
    const old = st.win;
    const part = st.partial;
    if (part && (part.page < want.lo || part.page > want.hi)) st.partial = undefined;
    if (at && want.lo === want.hi) startAt(want.lo, at.i, at.top);
    else if (gradual && !st.partial && old.hi >= old.lo) {
      const entering = want.hi === old.hi + 1 && want.lo >= old.lo ? want.hi : want.lo === old.lo - 1 && want.hi <= old.hi ? want.lo : undefined;
      const n = entering === undefined ? 0 : (st.pages[entering]?.posts?.length ?? 0);
      if (entering !== undefined && n > FILL_STEP) {
        const posts = st.pages[entering]?.posts ?? [];
        st.partial =
          entering === want.hi
            ? { page: entering, from: 0, to: sliceOf(c, posts.slice(0, FILL_STEP)) }
            : { page: entering, from: n - sliceOf(c, posts.slice(n - FILL_STEP).reverse()), to: n };
      }
    }
    st.stale = undefined;
    st.win = want;
    c.render();
    await rendered(c);
  };

  /**
   * Reads the next page. While a read is in flight (the autoload's, say) a caller gets that
   * read to wait for: returning at once made `ensure` (j across a page boundary) ask again and
   * again in microtasks only, and the page froze until the read that never got its turn came.
   */
  const loadNext = (gradual = false): Promise<void> => {
    const st = c.s.current;
    if (st.ended) return Promise.resolve();
    if (st.loading) return st.reading ?? Promise.resolve();
    st.loading = true;
    // A read that ends after the next one began (its window still rendering) leaves that one's promise in place.
    const reading: Promise<void> = readNext(st, gradual).finally(() => {
      if (st.reading === reading) st.reading = undefined;
    });
    st.reading = reading;
    return reading;
  };

  const readNext = async (st: State, gradual: boolean) => {
    const gen = st.gen;
    // Asked again: the message of the last failure goes, and comes back (announced) if this one fails too.
    st.error = undefined;
    c.render();
    try {
      const last = st.pages[st.pages.length - 1];
      const early = last ? undefined : takePreloaded(c.src.current)?.page;
      let page = await (early ?? openOrreryDb().then((db) => c.src.current.load(db, last?.next, PAGE_SIZE)));
      // A page with no posts while more follow (search results whose posts were deleted
      // meanwhile) would show "nothing here" or an empty page: read on to the next posts.
      while (page.posts.length === 0 && page.next !== undefined && c.s.current.gen === gen) {
        const from = page.next;
        page = await openOrreryDb().then((db) => c.src.current.load(db, from, PAGE_SIZE));
      }
      if (c.s.current.gen !== gen) return;
      const first = st.pages.length === 0;
      if (first) firstPageRead(st, page, c.firstScreen.current);
      else {
        st.pages.push(pageOf(page));
        st.ended = page.next === undefined;
      }
      st.loading = false;
      st.ready = true;
      const n = st.pages.length;
      // The new page joins a window that ends at the page before it (only it enters); a reader
      // elsewhere (jumped away meanwhile) stays where they are.
      if (first || st.win.hi === n - 2) await setWindow({ lo: first ? 0 : Math.max(st.win.lo, n - MAX_PAGES), hi: n - 1 }, gradual);
      else c.render();
    } catch (err) {
      if (c.s.current.gen !== gen) return;
      st.loading = false;
      st.ready = true;
      st.stale = undefined;
      st.error = errorText(err);
      c.render();
    }
  };

  const start = (alreadyReset = false) => {
    stopFill(c);
    if (!alreadyReset) {
      c.s.current = fresh(c.s.current.gen + 1);
      c.render();
    }
    const gen = c.s.current.gen;
    // A first page already read (preloaded) is on screen: only the count is left to read.
    if (c.s.current.pages.length === 0) void loadNext();
    void openOrreryDb()
      .then((db) => c.src.current.count(db))
      .then((total) => {
        if (c.s.current.gen === gen) {
          c.s.current.total = total;
          c.render();
        }
      }, () => undefined);
  };

  const loadMore = async () => {
    await fillNow();
    const st = c.s.current;
    if (c.dwell.current !== undefined) clearTimeout(c.dwell.current);
    const hi = st.win.hi + 1;
    if (hi < st.pages.length) await setWindow({ lo: Math.max(0, hi - MAX_PAGES + 1), hi });
    else await loadNext();
  };

  const ensure = async (index: number) => {
    await fillNow();
    const gen = c.s.current.gen;
    let at = locate(c.s.current, index);
    while (!at) {
      const st = c.s.current;
      if (st.ended || st.gen !== gen) return undefined;
      const had = st.pages.length;
      // Each press asks again for a page whose read failed before (it used to stop at the
      // failure for good: every later press past the pages read did nothing, and said nothing).
      await loadNext();
      const now = c.s.current;
      // This read failed: the river says why, and this press ends; the next one reads again.
      // A read that brought no page (none in flight after all) ends it too, never a loop of
      // microtasks in which IndexedDB's answer never gets its turn.
      if (now.gen !== gen || now.error !== undefined || now.pages.length === had) return undefined;
      at = locate(now, index);
    }
    const st = c.s.current;
    const { lo, hi } = st.win;
    // One page enters (the next one, or the one jumped to), not a whole window of them at once.
    if (at.page === hi + 1) await setWindow({ lo: Math.max(lo, at.page - MAX_PAGES + 1), hi: at.page });
    else if (at.page === lo - 1) await setWindow({ lo: at.page, hi: Math.min(hi, at.page + MAX_PAGES - 1) });
    else if (at.page < lo || at.page > hi) await setWindow({ lo: at.page, hi: at.page });
    // An autoload may have begun a page a few posts at a time meanwhile: the caller needs this post rendered.
    if (c.s.current.partial?.page === at.page) await fillNow();
    return c.s.current.pages[at.page]?.posts?.[at.i];
  };

  const retry = () => {
    const st = c.s.current;
    if (st.pages.length === 0) return start();
    st.error = undefined;
    // The next page, when the reader is at the end; elsewhere the window follows the reader
    // again after this render (river-follow.ts) and reads the pages it moves to.
    if (!st.ended && st.win.hi === st.pages.length - 1) void loadNext();
    else c.render();
  };

  return { setWindow, loadNext, start, loadMore, ensure, retry };
}

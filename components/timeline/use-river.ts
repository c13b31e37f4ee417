/**
 * The river's data and window: pages read from a RiverSource as the reader scrolls, only
 * MAX_PAGES consecutive pages in the DOM (the others are empty space of their measured
 * height), stored changes applied in place so nothing moves under the reader.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { openOrreryDb } from '../../lib/db/open-db';
import type { StoredPost } from '../../lib/db/types';
import { onStoredChange } from '../../lib/messaging/changes';
import { postsChanged, type StoredChange } from '../../lib/messaging/stored-change';
import { FILL_STEP, fillSlice } from '../../lib/ui/fill-slice';
import { mergeReRead } from '../../lib/ui/merge-re-read';
import { heightOf, pageAt, stepWindow, windowAround, type PageWindow } from '../../lib/ui/river-window';
import { readPosts, type RiverSource, type SourcePage } from './river-source';

/** Posts per page read from IndexedDB. */
export const PAGE_SIZE = 40;
/** Pages in the DOM at most (PAGE_SIZE × MAX_PAGES articles). */
export const MAX_PAGES = 5;
/** The end must stay in reach this long before the next page loads by itself (a click on "Load older posts" wins). */
const AUTOLOAD_DWELL_MS = 200;

interface Page {
  keys: [string, string][];
  /** Undefined while the page is out of the window. */
  posts?: StoredPost[];
  next?: unknown;
  height: number;
}

/** A post in the window, with its position in the whole river. */
export interface RiverItem {
  post: StoredPost;
  /** 0-based position in the river (aria-posinset is index + 1). */
  index: number;
  page: number;
  /** First post of its page: the element that starts it carries data-page-first. */
  pageFirst: boolean;
}

/** What the river component renders and what the app drives. */
export interface RiverModel {
  ready: boolean;
  busy: boolean;
  error: string | undefined;
  total: number | undefined;
  /** More posts exist below the window (loaded or not). */
  more: boolean;
  /** Newer posts arrived since the river was read. */
  newer: boolean;
  items: RiverItem[];
  topSpace: number;
  bottomSpace: number;
  /** Shows the next older posts (next page of the window, or a new page). */
  loadMore: () => Promise<void>;
  /** Reads the river again from the top. */
  reload: () => void;
  /** Brings post `index` into the window; resolves with it once rendered (undefined past the end). */
  ensure: (index: number) => Promise<StoredPost | undefined>;
  /** Re-reads the posts in the window (after a change made here, without waiting for the broadcast). */
  refresh: () => Promise<void>;
  topRef: { current: HTMLDivElement | null };
  bottomRef: { current: HTMLDivElement | null };
}

interface State {
  gen: number;
  pages: Page[];
  win: PageWindow;
  total: number | undefined;
  loading: boolean;
  shifting: boolean;
  ended: boolean;
  newer: boolean;
  error: string | undefined;
  ready: boolean;
  headSortKey: number | undefined;
  /**
   * A page entering the window is rendered a few posts at a time, in idle time, from the side
   * nearest the reader: its first page below the first screen, a page added below the window
   * from its top, a page added above from its bottom. Posts [from, to) of `page` are rendered.
   */
  partial: { page: number; from: number; to: number } | undefined;
  /** The previous river's posts, shown (busy) until this one's first page is read. */
  stale: RiverItem[] | undefined;
  /** Re-reads started, and the newest one whose result is on screen: an older read never overwrites a newer one. */
  reads: { issued: number; applied: number };
}

const fresh = (gen: number): State => ({
  gen,
  pages: [],
  win: { lo: 0, hi: -1 },
  total: undefined,
  loading: false,
  shifting: false,
  ended: false,
  newer: false,
  error: undefined,
  ready: false,
  headSortKey: undefined,
  partial: undefined,
  stale: undefined,
  reads: { issued: 0, applied: 0 },
});

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Options of useRiver. */
export interface RiverOptions {
  /** Posts that fill the first screen: a new river renders these first, the rest of its first page in idle time. */
  firstScreen?: number;
  /** A new source keeps the old posts on screen until its first page is read, when the old source kept them too (search results while typing). */
  keepShown?: boolean;
  /** The feed HTML a post renders, in bytes (full view): a slice of a page entering the window renders at most FILL_BYTES of it. */
  weigh?: (post: StoredPost) => number;
  /**
   * What the posts look like (the view). A change renders the window again from the post at
   * the top of the screen, a slice at a time: the whole window (200 posts) rendered in the full
   * view at once took 1.4 s of one task with Planet-sized posts.
   */
  layout?: string;
}

const idle = (cb: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(cb, { timeout: 100 });
    return () => cancelIdleCallback(h);
  }
  const t = setTimeout(cb, 16);
  return () => clearTimeout(t);
};

let preloaded: { id: string; page: Promise<SourcePage>; value?: SourcePage } | undefined;

/**
 * Starts reading a river's first page at once, before the page has rendered anything. The
 * first useRiver on the same source takes it: already read, its first render shows the posts
 * (the page's first frame has posts, not an empty river); still reading, it awaits it.
 * Resolves when the page is read or has failed (the river then shows the error).
 */
export function preloadFirstPage(source: RiverSource): Promise<void> {
  const page = openOrreryDb().then((db) => source.load(db, undefined, PAGE_SIZE));
  const entry: NonNullable<typeof preloaded> = { id: source.id, page };
  preloaded = entry;
  return page.then(
    (value) => {
      performance.mark('orrery:first-page-read');
      entry.value = value;
    },
    () => undefined,
  );
}

/** The preloaded first page of `source`, once. */
function takePreloaded(source: RiverSource): NonNullable<typeof preloaded> | undefined {
  const p = preloaded;
  preloaded = undefined;
  return p?.id === source.id ? p : undefined;
}

const pageOf = (page: SourcePage): Page => ({
  keys: page.posts.map((p) => [p.feedId, p.id]),
  posts: page.posts,
  ...(page.next !== undefined ? { next: page.next } : {}),
  height: page.posts.length * 120,
});

/** A river's first page is in: it is the window, the posts that fill the screen render first. */
function firstPageRead(st: State, page: SourcePage, firstScreen: number | undefined): void {
  st.pages.push(pageOf(page));
  st.headSortKey = page.posts[0]?.sortKey;
  if (firstScreen !== undefined && firstScreen < page.posts.length) st.partial = { page: 0, from: 0, to: firstScreen };
  st.ended = page.next === undefined;
  st.ready = true;
  st.win = { lo: 0, hi: 0 };
}

/** Drives one river: `source` changing (by id) starts a new river at the top. */
export function useRiver(source: RiverSource, opts: RiverOptions = {}): RiverModel {
  const [, setTick] = useState(0);
  const render = () => setTick((t) => t + 1);
  const s = useRef<State>(fresh(0));
  const src = useRef<RiverSource>({ ...source, id: '' });
  const topRef = useRef<HTMLDivElement>(null);
  const bottomRef = useRef<HTMLDivElement>(null);
  const anchor = useRef<{ feedId: string; id: string; top: number } | undefined>(undefined);
  const waiters = useRef<(() => void)[]>([]);
  const dwell = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const firstScreen = useRef(opts.firstScreen);
  firstScreen.current = opts.firstScreen;
  const cancelFill = useRef<(() => void) | undefined>(undefined);
  const lastItems = useRef<RiverItem[]>([]);
  const keptShown = useRef(false);

  const weigh = useRef(opts.weigh);
  weigh.current = opts.weigh;
  /** How many of `next` (in the order they will render) one slice renders. */
  const slice = (next: StoredPost[]) => {
    const w = weigh.current;
    return w ? fillSlice(next.map(w)) : FILL_STEP;
  };

  /** Renders the rest of a first page, a slice per idle period, after the first screen has painted. */
  const fill = () => {
    cancelFill.current?.();
    cancelFill.current = undefined;
    const st = s.current;
    const part = st.partial;
    if (!part) return;
    const posts = st.pages[part.page]?.posts ?? [];
    const total = posts.length;
    // Below the reader first while what is rendered ends less than a screen under it (a jump or
    // a new view starts at the post on screen), then above.
    const end = bottomRef.current?.getBoundingClientRect().top;
    const up = part.from > 0 && (part.to >= total || (end !== undefined && end > window.innerHeight * 2));
    const n = slice(up ? posts.slice(Math.max(0, part.from - FILL_STEP), part.from).reverse() : posts.slice(part.to, part.to + FILL_STEP));
    const from = Math.max(0, part.from - (up ? n : 0));
    const to = Math.min(total, part.to + (up ? 0 : n));
    st.partial = from === 0 && to >= total ? undefined : { page: part.page, from, to };
    // Posts added above the reader must not push what they read down.
    if (from < part.from) captureAnchor();
    render();
  };
  /** Renders a first page whole at once (something needs a post below the first screen). */
  const fillNow = async () => {
    if (s.current.partial === undefined) return;
    cancelFill.current?.();
    cancelFill.current = undefined;
    captureAnchor();
    s.current.partial = undefined;
    render();
    await rendered();
  };

  const container = () => topRef.current?.parentElement ?? null;
  const rendered = () => new Promise<void>((resolve) => waiters.current.push(resolve));

  /** The first article on screen and where it is, so a window change can keep it in place. */
  const captureAnchor = () => {
    const root = container();
    if (!root) return;
    for (const el of root.querySelectorAll<HTMLElement>('article[data-entry-id]')) {
      const r = el.getBoundingClientRect();
      if (r.bottom > 0) {
        anchor.current = { feedId: el.dataset.feedId ?? '', id: el.dataset.entryId ?? '', top: r.top };
        return;
      }
    }
  };

  /**
   * Shows pages [want.lo, want.hi]. `gradual`: a page that enters at an edge, one page away
   * from the old window, is rendered a few posts per idle period (see `partial`), so the move
   * costs the layout of a few posts, not of a whole page, in any one task. `at`: the window is
   * one page the reader jumped to, rendered a slice at a time from its post `at.i`, placed at
   * `at.top` (px from the viewport's top).
   */
  const setWindow = async (want: PageWindow, gradual = false, at?: { i: number; top: number }) => {
    const st = s.current;
    const gen = st.gen;
    const missing = [];
    for (let p = want.lo; p <= want.hi; p++) if (!st.pages[p]?.posts) missing.push(p);
    if (missing.length) {
      st.shifting = true;
      const db = await openOrreryDb();
      const got = await Promise.all(missing.map((p) => readPosts(db, st.pages[p]?.keys ?? [])));
      if (s.current.gen !== gen) return;
      missing.forEach((p, i) => {
        const page = st.pages[p];
        if (page) page.posts = got[i];
      });
      st.shifting = false;
    }
    // Pages leaving the window give their posts back; their keys stay, to read them again.
    st.pages.forEach((page, p) => {
      if (p < want.lo || p > want.hi) delete page.posts;
    });
    // A river's first page replaces nothing of its own: no position to keep.
    if (st.pages.length > 1 && !at) captureAnchor();
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
            ? { page: entering, from: 0, to: slice(posts.slice(0, FILL_STEP)) }
            : { page: entering, from: n - slice(posts.slice(n - FILL_STEP).reverse()), to: n };
      }
    }
    st.stale = undefined;
    st.win = want;
    render();
    await rendered();
  };

  /** Page `p` is rendered from its post `i` (kept at `top` px from the viewport's top), a slice now, the rest in idle time. */
  const startAt = (p: number, i: number, top: number) => {
    const st = s.current;
    const posts = st.pages[p]?.posts ?? [];
    const from = Math.min(i, Math.max(0, posts.length - 1));
    const post = posts[from];
    if (!post) return;
    const to = Math.min(posts.length, from + slice(posts.slice(from, from + FILL_STEP)));
    st.partial = from === 0 && to >= posts.length ? undefined : { page: p, from, to };
    anchor.current = { feedId: post.feedId, id: post.id, top };
  };

  /**
   * The reader is far from the window (Home, the scroll bar dragged): the window becomes the
   * one page under the screen's middle, rendered from the post estimated at the screen's top;
   * later checks grow it a page at a time.
   */
  const jumpTo = (focus: number, heights: number[], riverTop: number) => {
    const n = s.current.pages[focus]?.keys.length ?? 0;
    const h = heights[focus] ?? 0;
    const pageTop = riverTop + heightOf(heights, 0, focus);
    const i = n > 0 && h > 0 ? Math.min(n - 1, Math.max(0, Math.floor((-pageTop / h) * n))) : 0;
    void setWindow({ lo: focus, hi: focus }, true, { i, top: n > 0 ? pageTop + (i * h) / n : pageTop });
  };

  /** The view changed: only the page of the first post on screen stays, rendered again from that post (see `layout`). */
  const reshape = () => {
    const st = s.current;
    const root = container();
    if (!root || !st.ready || st.win.hi < st.win.lo) return;
    const el = [...root.querySelectorAll<HTMLElement>('article[data-entry-id]')].find((a) => a.getBoundingClientRect().bottom > 0);
    if (!el) return;
    for (let p = st.win.lo; p <= st.win.hi; p++) {
      const i = st.pages[p]?.posts?.findIndex((q) => q.id === el.dataset.entryId && q.feedId === el.dataset.feedId) ?? -1;
      if (i < 0) continue;
      cancelFill.current?.();
      cancelFill.current = undefined;
      st.pages.forEach((page, k) => {
        if (k !== p) delete page.posts;
      });
      st.win = { lo: p, hi: p };
      st.partial = undefined;
      startAt(p, i, el.getBoundingClientRect().top);
      return;
    }
  };

  const loadNext = async (gradual = false) => {
    const st = s.current;
    if (st.loading || st.ended) return;
    const gen = st.gen;
    st.loading = true;
    render();
    try {
      const last = st.pages[st.pages.length - 1];
      const early = last ? undefined : takePreloaded(src.current)?.page;
      let page = await (early ?? openOrreryDb().then((db) => src.current.load(db, last?.next, PAGE_SIZE)));
      // A page with no posts while more follow (search results whose posts were deleted
      // meanwhile) would show "nothing here" or an empty page: read on to the next posts.
      while (page.posts.length === 0 && page.next !== undefined && s.current.gen === gen) {
        const from = page.next;
        page = await openOrreryDb().then((db) => src.current.load(db, from, PAGE_SIZE));
      }
      if (s.current.gen !== gen) return;
      const first = st.pages.length === 0;
      if (first) firstPageRead(st, page, firstScreen.current);
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
      else render();
    } catch (err) {
      if (s.current.gen !== gen) return;
      st.loading = false;
      st.ready = true;
      st.stale = undefined;
      st.error = errorText(err);
      render();
    }
  };

  const start = (alreadyReset = false) => {
    cancelFill.current?.();
    cancelFill.current = undefined;
    if (!alreadyReset) {
      s.current = fresh(s.current.gen + 1);
      render();
    }
    const gen = s.current.gen;
    // A first page already read (preloaded) is on screen: only the count is left to read.
    if (s.current.pages.length === 0) void loadNext();
    void openOrreryDb()
      .then((db) => src.current.count(db))
      .then((total) => {
        if (s.current.gen === gen) {
          s.current.total = total;
          render();
        }
      }, () => undefined);
  };

  /**
   * Reads the posts in the window again. After polls (`change` names the feeds whose posts
   * changed) only those feeds' posts are read: a refresh changes a few feeds a second, and
   * re-reading the whole window (up to 200 full posts) each time cost the page and the database.
   */
  const refresh = async (change?: StoredChange) => {
    const st = s.current;
    const gen = st.gen;
    const ticket = ++st.reads.issued;
    const db = await openOrreryDb();
    const { lo, hi } = st.win;
    const pages = st.pages.slice(lo, hi + 1);
    const only = change && !change.all ? new Set(change.posts) : undefined;
    const wanted = pages.map((p) => (only ? p.keys.filter((k) => only.has(k[0])) : p.keys));
    const [got, total, head] = await Promise.all([
      Promise.all(wanted.map((keys) => (keys.length ? readPosts(db, keys) : Promise.resolve([])))),
      src.current.count(db),
      src.current.head(db),
    ]);
    // Reads resolve out of order when changes come quickly (m, m, s): a newer one is already shown.
    if (s.current.gen !== gen || ticket <= st.reads.applied) return;
    st.reads.applied = ticket;
    pages.forEach((page, i) => {
      const posts = only && page.posts ? mergeReRead(page.posts, got[i] ?? [], only) : (got[i] ?? []);
      page.posts = posts;
      page.keys = posts.map((p) => [p.feedId, p.id]);
    });
    st.total = total;
    if (head !== undefined && (st.headSortKey === undefined || head > st.headSortKey)) {
      // At the very top, new posts simply appear; further down, the reader is told and chooses.
      if (st.win.lo === 0 && window.scrollY < 40) return topAgain(db, ticket);
      st.newer = true;
    }
    captureAnchor();
    render();
  };

  /**
   * New posts arrived while the reader is at the top: the first page is read again and shown
   * in place of the river, without emptying it first, so the posts it still holds keep their
   * elements (a refresh brings new posts every second or so, and rebuilding the whole first
   * page each time cost the timeline most of its CPU while a refresh ran).
   */
  const topAgain = async (db: Awaited<ReturnType<typeof openOrreryDb>>, ticket: number) => {
    const old = s.current;
    const page = await src.current.load(db, undefined, PAGE_SIZE);
    if (s.current !== old || ticket < old.reads.issued) return;
    cancelFill.current?.();
    cancelFill.current = undefined;
    // A new generation: reads in flight for the old pages are dropped when they come back.
    const st = fresh(old.gen + 1);
    firstPageRead(st, page, undefined);
    st.total = old.total;
    st.reads = { issued: old.reads.issued, applied: ticket };
    s.current = st;
    render();
  };

  const loadMore = async () => {
    await fillNow();
    const st = s.current;
    if (dwell.current !== undefined) clearTimeout(dwell.current);
    const hi = st.win.hi + 1;
    if (hi < st.pages.length) await setWindow({ lo: Math.max(0, hi - MAX_PAGES + 1), hi });
    else await loadNext();
  };

  const locate = (index: number): { page: number; i: number } | undefined => {
    let first = 0;
    const pages = s.current.pages;
    for (let p = 0; p < pages.length; p++) {
      const n = pages[p]?.keys.length ?? 0;
      if (index < first + n) return { page: p, i: index - first };
      first += n;
    }
    return undefined;
  };

  const ensure = async (index: number) => {
    await fillNow();
    const gen = s.current.gen;
    let at = locate(index);
    while (!at) {
      if (s.current.ended || s.current.gen !== gen) return undefined;
      await loadNext();
      at = locate(index);
    }
    const st = s.current;
    const { lo, hi } = st.win;
    // One page enters (the next one, or the one jumped to), not a whole window of them at once.
    if (at.page === hi + 1) await setWindow({ lo: Math.max(lo, at.page - MAX_PAGES + 1), hi: at.page });
    else if (at.page === lo - 1) await setWindow({ lo: at.page, hi: Math.min(hi, at.page + MAX_PAGES - 1) });
    else if (at.page < lo || at.page > hi) await setWindow({ lo: at.page, hi: at.page });
    // An autoload may have begun a page a few posts at a time meanwhile: the caller needs this post rendered.
    if (s.current.partial?.page === at.page) await fillNow();
    return s.current.pages[at.page]?.posts?.[at.i];
  };

  /** Measures the pages in the DOM, moves the window with the reader, loads more near the end. */
  const check = () => {
    const st = s.current;
    const root = container();
    const top = topRef.current;
    const bottom = bottomRef.current;
    if (!root || !top || !bottom || !st.ready || st.loading || st.shifting || st.partial !== undefined) return;
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
    if (nearEnd && dwell.current === undefined) {
      dwell.current = setTimeout(() => {
        dwell.current = undefined;
        const b = bottomRef.current?.getBoundingClientRect().top;
        // Still at the end: a jump meanwhile leaves a short window whose end is near too.
        const at = s.current;
        if (b !== undefined && b < window.innerHeight * 2.5 && at.win.hi === at.pages.length - 1) void loadNext(true);
      }, AUTOLOAD_DWELL_MS);
    }
  };

  // A new source empties the river in this very render (never a frame of the old posts
  // under the new label); the effect then reads its first page.
  if (src.current.id !== source.id) {
    src.current = source;
    s.current = fresh(s.current.gen + 1);
    if (opts.keepShown && keptShown.current && lastItems.current.length) s.current.stale = lastItems.current;
    const early = takePreloaded(source);
    // A preloaded page with no posts while more follow (a rule hid them) is not a first screen: loadNext reads on from it.
    if (early?.value && (early.value.posts.length > 0 || early.value.next === undefined)) firstPageRead(s.current, early.value, opts.firstScreen);
    else if (early) preloaded = early; // still reading, or empty: loadNext awaits it and reads on
  }
  keptShown.current = opts.keepShown === true;
  // A new view renders what the window holds again: from the post on screen, a slice at a time.
  const layout = useRef(opts.layout);
  if (layout.current !== opts.layout) {
    layout.current = opts.layout;
    reshape();
  }
  useEffect(() => {
    start(true);
  }, [source.id]);

  // Polls that only rewrote feed records (a refresh of 304s) leave the river as it is.
  useEffect(() => onStoredChange((change) => (postsChanged(change) ? refresh(change).catch(() => undefined) : undefined)), []);

  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        check();
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      if (frame) cancelAnimationFrame(frame);
      if (dwell.current !== undefined) clearTimeout(dwell.current);
      cancelFill.current?.();
    };
  }, []);

  useLayoutEffect(() => {
    // Keep the post the reader was looking at exactly where it was.
    const a = anchor.current;
    anchor.current = undefined;
    const root = container();
    if (a && root) {
      for (const el of root.querySelectorAll<HTMLElement>('article[data-entry-id]')) {
        if (el.dataset.entryId === a.id && el.dataset.feedId === a.feedId) {
          const delta = el.getBoundingClientRect().top - a.top;
          if (Math.abs(delta) > 0.5) window.scrollBy(0, delta);
          break;
        }
      }
    }
    const done = waiters.current;
    waiters.current = [];
    for (const w of done) w();
    if (s.current.partial !== undefined) {
      // Paint what fits first; the rest of the page follows when the page is idle.
      if (!cancelFill.current) cancelFill.current = idle(() => {
        cancelFill.current = undefined;
        fill();
      });
    } else requestAnimationFrame(check);
  });

  const st = s.current;
  const items: RiverItem[] = [];
  let index = 0;
  st.pages.forEach((page, p) => {
    if (p >= st.win.lo && p <= st.win.hi && page.posts) {
      const part = st.partial?.page === p ? st.partial : undefined;
      const posts = part ? page.posts.slice(part.from, part.to) : page.posts;
      const from = part?.from ?? 0;
      posts.forEach((post, i) => items.push({ post, index: index + from + i, page: p, pageFirst: from + i === 0 }));
    }
    index += page.keys.length;
  });
  if (st.stale && !st.ready) items.push(...st.stale);
  lastItems.current = items;
  return {
    ready: st.ready,
    busy: st.loading || st.shifting || !st.ready || st.partial !== undefined,
    error: st.error,
    total: st.total,
    more: !st.ended || st.win.hi < st.pages.length - 1,
    newer: st.newer,
    items,
    topSpace: heightOf(st.pages.map((p) => p.height), 0, st.win.lo),
    bottomSpace: heightOf(st.pages.map((p) => p.height), st.win.hi + 1, st.pages.length),
    loadMore,
    reload: () => start(),
    ensure,
    refresh,
    topRef,
    bottomRef,
  };
}

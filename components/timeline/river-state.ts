/**
 * The river's state: the pages read so far (keys always, posts while in the window), the
 * window of pages in the DOM, and what the river component is given to render.
 */
import type { StoredPost } from '../../lib/db/types';
import { heightOf, type PageWindow } from '../../lib/ui/river-window';
import type { SourcePage } from './river-source';
import { readErrorText } from '../../lib/ui/read-error';

/** Posts per page read from IndexedDB. */
export const PAGE_SIZE = 40;
/** Pages in the DOM at most (PAGE_SIZE × MAX_PAGES articles). */
export const MAX_PAGES = 5;

/** One page of the river. */
export interface Page {
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
  /** Asks again for what a failed read was reading (the first page, the next page, or the pages the window moves to). */
  retry: () => void;
  /** Brings post `index` into the window; resolves with it once rendered (undefined past the end). */
  ensure: (index: number) => Promise<StoredPost | undefined>;
  /** Re-reads the posts in the window (after a change made here, without waiting for the broadcast). */
  refresh: () => Promise<void>;
  topRef: { current: HTMLDivElement | null };
  bottomRef: { current: HTMLDivElement | null };
}

/** Everything useRiver knows about one river (a new source or a re-read top starts a new one). */
export interface State {
  gen: number;
  pages: Page[];
  win: PageWindow;
  total: number | undefined;
  loading: boolean;
  /** The read of the next page while `loading`: a caller that needs it waits for it. */
  reading: Promise<void> | undefined;
  shifting: boolean;
  /**
   * Window moves asked (`issued`), the newest one applied, and those still reading their pages
   * (`reading`): a move whose read comes back after a later move applied is dropped, never
   * moving the window back to where the reader no longer is.
   */
  moves: { issued: number; applied: number; reading: number };
  ended: boolean;
  newer: boolean;
  /** Why the last read failed, until a read succeeds or is asked again (a press, "Try again", "Load older posts"). */
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

/** A new, empty river of generation `gen`. */
export const fresh = (gen: number): State => ({
  gen,
  pages: [],
  win: { lo: 0, hi: -1 },
  total: undefined,
  loading: false,
  reading: undefined,
  shifting: false,
  moves: { issued: 0, applied: 0, reading: 0 },
  ended: false,
  newer: false,
  error: undefined,
  ready: false,
  headSortKey: undefined,
  partial: undefined,
  stale: undefined,
  reads: { issued: 0, applied: 0 },
});

/** A failed read, as the river says it (lib/ui/read-error.ts). */
export const errorText = readErrorText;

/** A page as read from the source. */
export const pageOf = (page: SourcePage): Page => ({
  keys: page.posts.map((p) => [p.feedId, p.id]),
  posts: page.posts,
  ...(page.next !== undefined ? { next: page.next } : {}),
  height: page.posts.length * 120,
});

/** A river's first page is in: it is the window, the posts that fill the screen render first. */
export function firstPageRead(st: State, page: SourcePage, firstScreen: number | undefined): void {
  st.pages.push(pageOf(page));
  st.headSortKey = page.posts[0]?.sortKey;
  if (firstScreen !== undefined && firstScreen < page.posts.length) st.partial = { page: 0, from: 0, to: firstScreen };
  st.ended = page.next === undefined;
  st.ready = true;
  st.win = { lo: 0, hi: 0 };
}

/** Where post `index` of the river is: its page and its place in it (undefined past the pages read). */
export function locate(st: State, index: number): { page: number; i: number } | undefined {
  let first = 0;
  const pages = st.pages;
  for (let p = 0; p < pages.length; p++) {
    const n = pages[p]?.keys.length ?? 0;
    if (index < first + n) return { page: p, i: index - first };
    first += n;
  }
  return undefined;
}

/** The posts to render (the window's, or the previous river's while this one's first page is read), and the spaces around them. */
export function shownOf(st: State): { items: RiverItem[]; topSpace: number; bottomSpace: number } {
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
  return {
    items,
    topSpace: heightOf(st.pages.map((p) => p.height), 0, st.win.lo),
    bottomSpace: heightOf(st.pages.map((p) => p.height), st.win.hi + 1, st.pages.length),
  };
}

/**
 * The river's data and window: pages read from a RiverSource as the reader scrolls, only
 * MAX_PAGES consecutive pages in the DOM (the others are empty space of their measured
 * height), stored changes applied in place so nothing moves under the reader.
 *
 * Its parts: river-state.ts (the state and what is rendered of it), river-preload.ts (the
 * first page read early), river-core.ts (shared refs), river-fill.ts (a page a slice at a
 * time), river-paging.ts (reading pages, moving the window), river-follow.ts (the window
 * follows the scrolling reader), river-live.ts (stored changes).
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { StoredPost } from '../../lib/db/types';
import { onStoredChange } from '../../lib/messaging/changes';
import { postsChanged, type StoredChange } from '../../lib/messaging/stored-change';
import { stopFill, useRiverCore } from './river-core';
import { fillOps, keepAnchor } from './river-fill';
import { followOps } from './river-follow';
import { refreshRiver } from './river-live';
import { pagingOps } from './river-paging';
import { keepPreloaded, takePreloaded } from './river-preload';
import type { RiverSource } from './river-source';
import { firstPageRead, fresh, shownOf, type RiverModel } from './river-state';

export { preloadFirstPage } from './river-preload';
export { MAX_PAGES, PAGE_SIZE, type RiverItem, type RiverModel } from './river-state';

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

/** Drives one river: `source` changing (by id) starts a new river at the top. */
export function useRiver(source: RiverSource, opts: RiverOptions = {}): RiverModel {
  const c = useRiverCore(source, opts);
  const fill = fillOps(c);
  const paging = pagingOps(c, fill);
  const follow = followOps(c, fill, paging);
  const refresh = (change?: StoredChange) => refreshRiver(c, change);

  // A new source empties the river in this very render (never a frame of the old posts
  // under the new label); the effect then reads its first page.
  if (c.src.current.id !== source.id) {
    c.src.current = source;
    c.s.current = fresh(c.s.current.gen + 1);
    if (opts.keepShown && c.keptShown.current && c.lastItems.current.length) c.s.current.stale = c.lastItems.current;
    const early = takePreloaded(source);
    // A preloaded page with no posts while more follow (a rule hid them) is not a first screen: loadNext reads on from it.
    if (early?.value && (early.value.posts.length > 0 || early.value.next === undefined)) firstPageRead(c.s.current, early.value, opts.firstScreen);
    else if (early) keepPreloaded(early); // still reading, or empty: loadNext awaits it and reads on
  }
  c.keptShown.current = opts.keepShown === true;
  // A new view renders what the window holds again: from the post on screen, a slice at a time.
  const layout = useRef(opts.layout);
  if (layout.current !== opts.layout) {
    layout.current = opts.layout;
    follow.reshape();
  }
  useEffect(() => {
    paging.start(true);
  }, [source.id]);

  // Polls that only rewrote feed records (a refresh of 304s) leave the river as it is.
  useEffect(() => onStoredChange((change) => (postsChanged(change) ? refresh(change).catch(() => undefined) : undefined)), []);

  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        follow.check();
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      if (frame) cancelAnimationFrame(frame);
      if (c.dwell.current !== undefined) clearTimeout(c.dwell.current);
      stopFill(c);
    };
  }, []);

  useLayoutEffect(() => {
    // Keep the post the reader was looking at exactly where it was.
    keepAnchor(c);
    const done = c.waiters.current;
    c.waiters.current = [];
    for (const w of done) w();
    if (!fill.fillLater()) requestAnimationFrame(follow.check);
  });

  const st = c.s.current;
  const { items, topSpace, bottomSpace } = shownOf(st);
  c.lastItems.current = items;
  return {
    ready: st.ready,
    busy: st.loading || st.shifting || !st.ready || st.partial !== undefined,
    error: st.error,
    total: st.total,
    more: !st.ended || st.win.hi < st.pages.length - 1,
    newer: st.newer,
    items,
    topSpace,
    bottomSpace,
    loadMore: paging.loadMore,
    reload: () => paging.start(),
    retry: paging.retry,
    ensure: paging.ensure,
    refresh,
    topRef: c.topRef,
    bottomRef: c.bottomRef,
  };
}

/**
 * Rendering a page a slice at a time: the posts that fill the screen first, the rest of the
 * page a slice per idle period, from the side nearest the reader (see State.partial).
 */
import { FILL_STEP } from '../../lib/ui/fill-slice';
import { captureAnchor, container, rendered, sliceOf, stopFill, type RiverCore } from './river-core';

const idle = (cb: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(cb, { timeout: 100 });
    return () => cancelIdleCallback(h);
  }
  const t = setTimeout(cb, 16);
  return () => clearTimeout(t);
};

/** The slice-at-a-time rendering of one river. */
export interface FillOps {
  /** Renders the next slice of the partial page. */
  fill: () => void;
  /** Renders the partial page whole at once (something needs a post below the first screen). */
  fillNow: () => Promise<void>;
  /** Page `p` is rendered from its post `i` (kept at `top` px from the viewport's top), a slice now, the rest in idle time. */
  startAt: (p: number, i: number, top: number) => void;
  /** After a render: the next slice is asked for in idle time (true), or nothing is partial (false). */
  fillLater: () => boolean;
}

export function fillOps(c: RiverCore): FillOps {
  /** Renders the rest of a first page, a slice per idle period, after the first screen has painted. */
  const fill = () => {
    stopFill(c);
    const st = c.s.current;
    const part = st.partial;
    if (!part) return;
    const posts = st.pages[part.page]?.posts ?? [];
    const total = posts.length;
    // Below the reader first while what is rendered ends less than a screen under it (a jump or
    // a new view starts at the post on screen), then above.
    const end = c.bottomRef.current?.getBoundingClientRect().top;
    const up = part.from > 0 && (part.to >= total || (end !== undefined && end > window.innerHeight * 2));
    const n = sliceOf(c, up ? posts.slice(Math.max(0, part.from - FILL_STEP), part.from).reverse() : posts.slice(part.to, part.to + FILL_STEP));
    const from = Math.max(0, part.from - (up ? n : 0));
    const to = Math.min(total, part.to + (up ? 0 : n));
    st.partial = from === 0 && to >= total ? undefined : { page: part.page, from, to };
    // Posts added above the reader must not push what they read down.
    if (from < part.from) captureAnchor(c);
    c.render();
  };

  const fillNow = async () => {
    if (c.s.current.partial === undefined) return;
    stopFill(c);
    captureAnchor(c);
    c.s.current.partial = undefined;
    c.render();
    await rendered(c);
  };

  const startAt = (p: number, i: number, top: number) => {
    const st = c.s.current;
    const posts = st.pages[p]?.posts ?? [];
    const from = Math.min(i, Math.max(0, posts.length - 1));
    const post = posts[from];
    if (!post) return;
    const to = Math.min(posts.length, from + sliceOf(c, posts.slice(from, from + FILL_STEP)));
    st.partial = from === 0 && to >= posts.length ? undefined : { page: p, from, to };
    c.anchor.current = { feedId: post.feedId, id: post.id, top };
  };

  const fillLater = () => {
    if (c.s.current.partial === undefined) return false;
    // Paint what fits first; the rest of the page follows when the page is idle.
    if (!c.cancelFill.current)
      c.cancelFill.current = idle(() => {
        c.cancelFill.current = undefined;
        fill();
      });
    return true;
  };

  return { fill, fillNow, startAt, fillLater };
}

/** Keeps the post the reader was looking at exactly where it was (after a render). */
export function keepAnchor(c: RiverCore): void {
  const a = c.anchor.current;
  c.anchor.current = undefined;
  const root = container(c);
  if (!a || !root) return;
  for (const el of root.querySelectorAll<HTMLElement>('article[data-entry-id]')) {
    if (el.dataset.entryId === a.id && el.dataset.feedId === a.feedId) {
      const delta = el.getBoundingClientRect().top - a.top;
      if (Math.abs(delta) > 0.5) window.scrollBy(0, delta);
      break;
    }
  }
}

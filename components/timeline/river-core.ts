/**
 * What the parts of useRiver share: the river's state and the refs that outlive a render, and
 * the few DOM helpers they all use (the river's container, the post on screen, "rendered").
 */
import { useRef, useState } from 'preact/hooks';
import type { StoredPost } from '../../lib/db/types';
import { FILL_STEP, fillSlice } from '../../lib/ui/fill-slice';
import type { RiverSource } from './river-source';
import { fresh, type RiverItem, type State } from './river-state';

/** The first article on screen and where it was (px from the viewport's top). */
export interface Anchor {
  feedId: string;
  id: string;
  top: number;
}

/** One river's state and refs (see useRiverCore). */
export interface RiverCore {
  s: { current: State };
  src: { current: RiverSource };
  topRef: { current: HTMLDivElement | null };
  bottomRef: { current: HTMLDivElement | null };
  /** The post to keep in place in the next render. */
  anchor: { current: Anchor | undefined };
  /** Called after the next render (see `rendered`). */
  waiters: { current: (() => void)[] };
  /** The autoload's dwell timer. */
  dwell: { current: ReturnType<typeof setTimeout> | undefined };
  firstScreen: { current: number | undefined };
  /** Cancels the idle callback that renders the next slice of a partial page. */
  cancelFill: { current: (() => void) | undefined };
  weigh: { current: ((post: StoredPost) => number) | undefined };
  lastItems: { current: RiverItem[] };
  keptShown: { current: boolean };
  /** Renders the river again. */
  render: () => void;
}

/** The river's state and refs, and its render (`source` becomes the river's in useRiver's first render). */
export function useRiverCore(source: RiverSource, opts: { firstScreen?: number; weigh?: (post: StoredPost) => number }): RiverCore {
  const [, setTick] = useState(0);
  const render = () => setTick((t) => t + 1);
  const s = useRef<State>(fresh(0));
  const src = useRef<RiverSource>({ ...source, id: '' });
  const topRef = useRef<HTMLDivElement>(null);
  const bottomRef = useRef<HTMLDivElement>(null);
  const anchor = useRef<Anchor | undefined>(undefined);
  const waiters = useRef<(() => void)[]>([]);
  const dwell = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const firstScreen = useRef(opts.firstScreen);
  firstScreen.current = opts.firstScreen;
  const cancelFill = useRef<(() => void) | undefined>(undefined);
  const lastItems = useRef<RiverItem[]>([]);
  const keptShown = useRef(false);
  const weigh = useRef(opts.weigh);
  weigh.current = opts.weigh;
  return { s, src, topRef, bottomRef, anchor, waiters, dwell, firstScreen, cancelFill, weigh, lastItems, keptShown, render };
}

/** The element the river renders into. */
export const container = (c: RiverCore): HTMLElement | null => c.topRef.current?.parentElement ?? null;

/** Resolves after the next render (the river's layout effect). */
export const rendered = (c: RiverCore): Promise<void> => new Promise<void>((resolve) => c.waiters.current.push(resolve));

/** Stops rendering a partial page in idle time. */
export function stopFill(c: RiverCore): void {
  c.cancelFill.current?.();
  c.cancelFill.current = undefined;
}

/** How many of `next` (in the order they will render) one slice renders. */
export function sliceOf(c: RiverCore, next: StoredPost[]): number {
  const w = c.weigh.current;
  return w ? fillSlice(next.map(w)) : FILL_STEP;
}

/**
 * The first article on screen and where it is, so a window change can keep it in place. When
 * no article is on screen (the reader is over the space that stands for pages out of the
 * window, e.g. right after jumping to the top), there is nothing to keep: holding the first
 * article below the screen in place instead scrolled the reader down by every post rendered
 * above it, away from where they had gone. The space's own height is kept by the browser's
 * scroll anchoring.
 */
export function captureAnchor(c: RiverCore): void {
  c.anchor.current = undefined;
  const root = container(c);
  if (!root) return;
  for (const el of root.querySelectorAll<HTMLElement>('article[data-entry-id]')) {
    const r = el.getBoundingClientRect();
    if (r.bottom > 0) {
      if (r.top < window.innerHeight) c.anchor.current = { feedId: el.dataset.feedId ?? '', id: el.dataset.entryId ?? '', top: r.top };
      return;
    }
  }
}

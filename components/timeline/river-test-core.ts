/**
 * A river with no DOM for the paging tests (river-paging.test.ts, river-recovery.test.ts): its
 * first page (posts #0-#39) in the window, the next pages read from a source the test gives.
 */
import type { StoredPost } from '../../lib/db/types';
import type { RiverCore } from './river-core';
import { fillOps } from './river-fill';
import { pagingOps } from './river-paging';
import type { RiverSource, SourcePage } from './river-source';
import { fresh, pageOf, type State } from './river-state';

export const post = (i: number): StoredPost =>
  ({ feedId: 'f', id: `p${i}`, title: `#${i}`, sortKey: -i, firstSeen: 1, read: 0, starred: 0, folder: '', enclosures: [], categories: [], updatedAt: 1 }) as unknown as StoredPost;
export const posts = (from: number, n: number): StoredPost[] => Array.from({ length: n }, (_, i) => post(from + i));

/**
 * A river core whose renders "lay out" in a microtask and wake their waiters (`auto`), or only
 * when the test calls `layout` (a render the test holds back).
 */
export function core(source: RiverSource, state: State): { c: RiverCore; layout: () => void; hold: (on: boolean) => void } {
  let auto = true;
  const layout = () => {
    const w = c.waiters.current;
    c.waiters.current = [];
    for (const f of w) f();
  };
  const c = {
    s: { current: state },
    src: { current: source },
    topRef: { current: null },
    bottomRef: { current: null },
    anchor: { current: undefined },
    waiters: { current: [] as (() => void)[] },
    dwell: { current: undefined },
    firstScreen: { current: undefined },
    cancelFill: { current: undefined },
    weigh: { current: undefined },
    lastItems: { current: [] },
    keptShown: { current: false },
    render: () => {
      if (auto) queueMicrotask(layout);
    },
  } as unknown as RiverCore;
  return { c, layout, hold: (on) => (auto = !on) };
}

/** A river whose first page is in the window and whose next pages `load` reads (call n from 1); how many reads were asked. */
export function riverOf(load: (call: number) => Promise<SourcePage>) {
  const asked = { loads: 0 };
  const source: RiverSource = {
    id: 'test',
    load: () => load(++asked.loads),
    count: async () => 120,
    head: async () => undefined,
  };
  const st = fresh(1);
  st.pages.push(pageOf({ posts: posts(0, 40), next: 'cursor' }));
  st.win = { lo: 0, hi: 0 };
  st.ready = true;
  const { c, layout, hold } = core(source, st);
  return { c, paging: pagingOps(c, fillOps(c)), asked, layout, hold };
}

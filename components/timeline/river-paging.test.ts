/**
 * `ensure` (j/k) needing a page that is being read already (the autoload started it): it waits
 * for that read instead of asking again and again in microtasks, which froze the page (on the
 * old code this test never ends: the thread spins and not even the test's timeout fires).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { StoredPost } from '../../lib/db/types';
import type { RiverCore } from './river-core';
import { fillOps } from './river-fill';
import { pagingOps } from './river-paging';
import type { RiverSource, SourcePage } from './river-source';
import { fresh, pageOf, type State } from './river-state';

const post = (i: number): StoredPost => ({ feedId: 'f', id: `p${i}`, title: `#${i}`, sortKey: -i, firstSeen: 1, read: 0, starred: 0, folder: '', enclosures: [], categories: [], updatedAt: 1 }) as unknown as StoredPost;
const posts = (from: number, n: number) => Array.from({ length: n }, (_, i) => post(from + i));

/** A river core with no DOM: each render "lays out" in a microtask and wakes its waiters. */
function core(source: RiverSource, state: State): RiverCore {
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
    render: () =>
      queueMicrotask(() => {
        const w = c.waiters.current;
        c.waiters.current = [];
        for (const f of w) f();
      }),
  };
  return c as RiverCore;
}

/** A river whose first page (posts #0-#39) is in the window, the next page read by `load`; how many reads were asked. */
function riverOf(load: () => Promise<SourcePage>) {
  const asked = { loads: 0 };
  const source: RiverSource = {
    id: 'test',
    load: () => {
      asked.loads++;
      return load();
    },
    count: async () => 80,
    head: async () => undefined,
  };
  const st = fresh(1);
  st.pages.push(pageOf({ posts: posts(0, 40), next: 'cursor' }));
  st.win = { lo: 0, hi: 0 };
  st.ready = true;
  const c = core(source, st);
  return { c, paging: pagingOps(c, fillOps(c)), asked };
}

describe('river paging', () => {
  it('ensure waits for the next page a read in flight brings, and returns its post', async () => {
    // The page comes in a later task, as IndexedDB's answer does.
    const { c, paging, asked } = riverOf(() => new Promise<SourcePage>((resolve) => setTimeout(() => resolve({ posts: posts(40, 40) }), 0)));
    const autoload = paging.loadNext(true);
    const wanted = paging.ensure(40);
    expect(c.s.current.loading).toBe(true);
    const got = await wanted;
    expect(got?.title).toBe('#40');
    await autoload;
    expect(asked.loads).toBe(1);
  });

  it('ensure stops when the read of the next page failed, and the river says why', async () => {
    const { c, paging, asked } = riverOf(async () => {
      throw new Error('storage is full');
    });
    expect(await paging.ensure(40)).toBeUndefined();
    expect(c.s.current.error).toBe('storage is full');
    expect(asked.loads).toBe(1);
  });
});

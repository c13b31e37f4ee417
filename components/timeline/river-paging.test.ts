/**
 * `ensure` (j/k) needing a page that is being read already (the autoload started it): it waits
 * for that read instead of asking again and again in microtasks, which froze the page (on the
 * old code this test never ends: the thread spins and not even the test's timeout fires).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { SourcePage } from './river-source';
import { posts, riverOf } from './river-test-core';

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

// @vitest-environment jsdom
/**
 * j/k past the pages read when a read fails or comes back late: each press asks again and
 * moves on, the river says why a read failed, and nothing is left waiting for good. Failures
 * are IndexedDB's: a read rejected (an aborted transaction), a transaction aborted after its
 * requests went out (a version change or a closing connection takes the database).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openOrreryDb } from '../../lib/db/open-db';
import { fillOps } from './river-fill';
import { followOps } from './river-follow';
import type { SourcePage } from './river-source';
import { fresh, pageOf, type State } from './river-state';
import { posts, riverOf } from './river-test-core';

const aborted = () => new DOMException('The transaction was aborted, so the request cannot be fulfilled.', 'AbortError');

/** The next transaction opened is aborted once its requests went out. */
function abortNextTransaction(): void {
  const proto = IDBDatabase.prototype;
  const open = proto.transaction;
  proto.transaction = function (this: IDBDatabase, ...a: Parameters<IDBDatabase['transaction']>) {
    proto.transaction = open;
    const tx = open.apply(this, a);
    queueMicrotask(() => tx.abort());
    return tx;
  } as IDBDatabase['transaction'];
}

/** Pages 1 and 2 (posts #40-#119) read before, now out of the window: their posts are read again by key. */
function withPagesOut(st: State): void {
  for (const from of [40, 80]) {
    const page = pageOf({ posts: posts(from, 40), next: `c${from}` });
    delete page.posts;
    st.pages.push(page);
  }
}

beforeAll(async () => {
  const db = await openOrreryDb();
  const tx = db.transaction('posts', 'readwrite');
  await Promise.all([...posts(0, 120).map((p) => tx.store.put(p)), tx.done]);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('river recovery', () => {
  it('a press after a failed read of the next page reads it again and moves on', async () => {
    const { c, paging, asked } = riverOf((call) => (call === 1 ? Promise.reject(aborted()) : Promise.resolve({ posts: posts(40, 40), next: 'c80' })));
    expect(await paging.ensure(40)).toBeUndefined();
    expect(c.s.current.error).toBe('the browser stopped the read before it ended.');
    // The old river kept its error and every later press past the pages read did nothing.
    expect((await paging.ensure(40))?.title).toBe('#40');
    expect(c.s.current.error).toBeUndefined();
    expect(asked.loads).toBe(2);
  });

  it('a read that succeeds after one failed takes the message away', async () => {
    const { c, paging } = riverOf((call) => (call === 1 ? Promise.reject(aborted()) : Promise.resolve({ posts: posts(40, 40), next: 'c80' })));
    await paging.loadNext(true);
    expect(c.s.current.error).toBeDefined();
    await paging.loadMore();
    expect(c.s.current.pages).toHaveLength(2);
    expect(c.s.current.error).toBeUndefined();
  });

  it('a failed read of a page coming back into the window leaves the window as it was, says why, and the next press reads it again', async () => {
    const { c, paging } = riverOf(() => Promise.reject(new Error('no page read here')));
    withPagesOut(c.s.current);
    abortNextTransaction();
    // The old river threw here and stayed "shifting" for good: the window no longer followed the reader.
    expect(await paging.ensure(40)).toBeUndefined();
    const st = c.s.current;
    expect(st.shifting).toBe(false);
    expect(st.error).toBe('the browser stopped the read before it ended.');
    expect(st.win).toEqual({ lo: 0, hi: 0 });
    expect((await paging.ensure(40))?.title).toBe('#40');
    expect(st.win).toEqual({ lo: 0, hi: 1 });
    expect(st.error).toBeUndefined();
  });

  it('a window move whose read comes back after a later move has applied does not move the window back', async () => {
    const { c, paging } = riverOf(() => Promise.reject(new Error('no page read here')));
    withPagesOut(c.s.current);
    // The reader jumps to page 2 (its posts are read), then back to the top before they come.
    const jump = paging.setWindow({ lo: 2, hi: 2 });
    await paging.setWindow({ lo: 0, hi: 0 });
    await jump;
    const st = c.s.current;
    expect(st.win).toEqual({ lo: 0, hi: 0 });
    expect(st.pages[0]?.posts).toHaveLength(40);
    expect(st.pages[2]?.posts).toBeUndefined();
    expect(st.shifting).toBe(false);
  });

  it('a read that ends while the next one is being read leaves that one for a press to wait for', async () => {
    let second: ((page: SourcePage) => void) | undefined;
    const { c, paging, asked, layout, hold } = riverOf((call) =>
      call === 1 ? Promise.resolve({ posts: posts(40, 40), next: 'c80' }) : new Promise<SourcePage>((resolve) => (second = resolve)),
    );
    // The first read's page is in; its window has not been laid out yet when the next read starts.
    hold(true);
    const first = paging.loadNext();
    await vi.waitFor(() => expect(c.s.current.pages).toHaveLength(2));
    void paging.loadNext();
    await vi.waitFor(() => expect(asked.loads).toBe(2));
    layout();
    await first;
    // The old river dropped the second read's promise here: a press needing its page then asked
    // for it again and again in microtasks, and the page froze.
    expect(c.s.current.loading).toBe(true);
    expect(c.s.current.reading).toBeDefined();
    hold(false);
    const wanted = paging.ensure(80);
    second?.({ posts: posts(80, 40) });
    expect((await wanted)?.title).toBe('#80');
    expect(asked.loads).toBe(2);
  });

  it('"Try again" reads the next page again at the end of the river', async () => {
    const { c, paging, asked } = riverOf((call) => (call === 1 ? Promise.reject(aborted()) : Promise.resolve({ posts: posts(40, 40), next: 'c80' })));
    await paging.loadNext(true);
    expect(c.s.current.error).toBeDefined();
    paging.retry();
    await vi.waitFor(() => expect(c.s.current.pages).toHaveLength(2));
    expect(c.s.current.error).toBeUndefined();
    expect(asked.loads).toBe(2);
  });

  it('"Try again" after a failed first page reads the river again', async () => {
    const { c, paging, asked } = riverOf((call) => (call === 1 ? Promise.reject(aborted()) : Promise.resolve({ posts: posts(0, 40), next: 'c40' })));
    c.s.current = fresh(2);
    await paging.loadNext();
    expect(c.s.current.error).toBeDefined();
    paging.retry();
    await vi.waitFor(() => expect(c.s.current.pages).toHaveLength(1));
    expect(c.s.current.error).toBeUndefined();
    expect(asked.loads).toBe(2);
  });

  it('after a failed read the autoload waits for the reader instead of failing again every 200 ms', async () => {
    const { c, paging, asked } = riverOf(() => Promise.reject(aborted()));
    // A river laid out in the page (jsdom: every box at 0, so the end is in reach).
    const root = document.createElement('div');
    const top = root.appendChild(document.createElement('div'));
    const bottom = root.appendChild(document.createElement('div'));
    c.topRef.current = top;
    c.bottomRef.current = bottom;
    const follow = followOps(c, fillOps(c), paging);
    await paging.loadNext(true);
    expect(asked.loads).toBe(1);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    for (let i = 0; i < 3; i++) {
      follow.check();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(asked.loads).toBe(1);
    expect(c.s.current.error).toBeDefined();
  });
});

// @vitest-environment jsdom
/**
 * A poll's change read again in the window: the changed feeds' posts of every page in the
 * window come from one transaction (a transaction per page waited behind a refresh's write
 * each), and each page gets its own posts back, in place.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openOrreryDb } from '../../lib/db/open-db';
import type { StoredPost } from '../../lib/db/types';
import type { RiverCore } from './river-core';
import { refreshRiver } from './river-live';
import { keysSource } from './river-source';
import { fresh } from './river-state';

const post = (feedId: string, id: string, title: string, sortKey: number): StoredPost =>
  ({ feedId, id, title, firstSeen: 1, sortKey, enclosures: [], categories: [], read: 0, starred: 0, folder: '', updatedAt: 1 }) as StoredPost;

describe('refreshRiver', () => {
  it("reads the changed feeds' posts of every page in the window in one transaction, each page its own", async () => {
    const db = await openOrreryDb();
    const shown = [post('a', '1', 'a1', 9), post('b', '1', 'b1', 8), post('c', '1', 'c1', 7), post('a', '2', 'a2', 6), post('b', '2', 'b2', 5), post('c', '2', 'c2', 4)];
    for (const p of shown) await db.put('posts', p);
    const st = fresh(1);
    st.pages = [0, 3].map((from) => ({ keys: shown.slice(from, from + 3).map((p): [string, string] => [p.feedId, p.id]), posts: shown.slice(from, from + 3), height: 100 }));
    st.win = { lo: 0, hi: 1 };
    st.ready = true;
    // A poll renamed a and b's posts.
    for (const p of shown.filter((q) => q.feedId !== 'c')) await db.put('posts', { ...p, title: `${p.title}!`, updatedAt: 2 });
    let renders = 0;
    const c = {
      s: { current: st },
      src: { current: keysSource('k', shown.map((p) => [p.feedId, p.id])) },
      topRef: { current: null },
      bottomRef: { current: null },
      anchor: { current: undefined },
      render: () => void renders++,
    } as unknown as RiverCore;
    const tx = vi.spyOn(db, 'transaction');
    await refreshRiver(c, { all: false, feeds: ['a', 'b'], posts: ['a', 'b'] });
    const onPosts = tx.mock.calls.filter(([names]) => ([names].flat() as string[]).includes('posts'));
    expect(onPosts).toHaveLength(1);
    expect(st.pages.map((p) => p.posts?.map((q) => q.title))).toEqual([
      ['a1!', 'b1!', 'c1'],
      ['a2!', 'b2!', 'c2'],
    ]);
    expect(st.pages.map((p) => p.keys.map((k) => k.join('/')))).toEqual([
      ['a/1', 'b/1', 'c/1'],
      ['a/2', 'b/2', 'c/2'],
    ]);
    expect(renders).toBe(1);
    tx.mockRestore();
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { ParsedItem } from '../feed/types';
import { addFeeds, removeFeedForUndo, restoreFeed, updateFeed } from './feeds';
import { markScopeRead } from './mark-scope-read';
import { POST_STORES, rebuildLedger } from './post-writes';
import { commitPoll, setRead, setStarred } from './posts';
import { queryPosts, readUnreadCounts } from './queries';
import { freshDb } from './test-db';

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const item = (id: string, published: number): ParsedItem => ({ id, title: id, published, enclosures: [], categories: [] });

describe('the unread ledger and counts', () => {
  it.each([7, 11, 2026])('stay equal to what the posts say, across 300 random writes of every kind (seed %i)', async (seed) => {
    const db = await freshDb();
    const random = seeded(seed);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
    const { added } = await addFeeds(
      db,
      ['a', 'b', 'c', 'd'].map((n, i) => ({ url: `http://${n}.example/`, title: n, folder: i < 2 ? 'Blogs' : 'Podcasts', firstCheckAt: 0 })),
      0,
    );
    const feeds = added.map((f) => f.id);
    let undo: Awaited<ReturnType<typeof removeFeedForUndo>>;
    for (let step = 0; step < 300; step++) {
      const feedId = pick(feeds);
      const r = random();
      if (r < 0.35) {
        const items = Array.from({ length: 1 + Math.floor(random() * 6) }, () => item(`p${Math.floor(random() * 40)}`, Math.floor(random() * 1000)));
        await commitPoll(db, feedId, (f) => f, items, step, random() < 0.3 ? { keepPosts: 8, keepDays: 0 } : undefined);
      } else if (r < 0.6) {
        const posts = (await queryPosts(db, { filter: 'all', feedId, limit: 50 })).posts;
        if (posts.length) await setRead(db, [[feedId, pick(posts).id]], random() < 0.7);
      } else if (r < 0.68) {
        const posts = (await queryPosts(db, { filter: 'all', feedId, limit: 50 })).posts;
        if (posts.length) await setStarred(db, [feedId, pick(posts).id], random() < 0.5);
      } else if (r < 0.76) {
        await markScopeRead(db, random() < 0.5 ? { feedId } : { folder: pick(['Blogs', 'Podcasts']) });
      } else if (r < 0.86) {
        await updateFeed(db, feedId, { folder: pick(['Blogs', 'Podcasts', 'Other']) }, step);
      } else if (r < 0.93 && !undo) {
        undo = await removeFeedForUndo(db, feedId);
      } else if (undo) {
        await restoreFeed(db, undo);
        undo = undefined;
      }
    }
    const maintained = await readUnreadCounts(db);
    const ledgerBefore = await Promise.all([db.getAllKeys('unreadByFeed'), db.getAllKeys('unreadByFolder')]);
    const tx = db.transaction(POST_STORES, 'readwrite');
    const rebuilt = await rebuildLedger(tx);
    await tx.done;
    expect(maintained).toEqual(rebuilt);
    expect(ledgerBefore).toEqual(await Promise.all([db.getAllKeys('unreadByFeed'), db.getAllKeys('unreadByFolder')]));
    expect(rebuilt.total).toBeGreaterThan(0);
    // And an unread page lists exactly the unread posts, newest first.
    const all = await db.getAll('posts');
    const unread = all.filter((p) => p.read === 0).sort((a, b) => b.sortKey - a.sortKey || (a.feedId + a.id < b.feedId + b.id ? 1 : -1));
    const page = await queryPosts(db, { filter: 'unread', limit: 1000 });
    expect(page.posts.map((p) => p.sortKey)).toEqual(unread.map((p) => p.sortKey));
    expect(page.posts).toHaveLength(rebuilt.total);
  });

  it('pages through unread posts of a folder with a cursor, without repeats', async () => {
    const db = await freshDb();
    const { added } = await addFeeds(db, [{ url: 'http://a.example/', title: 'a', folder: 'F', firstCheckAt: 0 }], 0);
    await commitPoll(db, added[0]!.id, (f) => f, Array.from({ length: 25 }, (_, i) => item(`p${i}`, i % 5)), 0);
    const ids: string[] = [];
    let page = await queryPosts(db, { filter: 'unread', folder: 'F', limit: 7 });
    ids.push(...page.posts.map((p) => p.id));
    while (page.next) {
      page = await queryPosts(db, { filter: 'unread', folder: 'F', limit: 7, after: page.next });
      ids.push(...page.posts.map((p) => p.id));
    }
    expect(ids).toHaveLength(25);
    expect(new Set(ids).size).toBe(25);
  });
});

describe('the cost of a commit', () => {
  /** Listeners added to IndexedDB requests while `run` runs: idb adds two for each request it wraps in a promise. */
  async function requestListeners(run: () => Promise<unknown>): Promise<number> {
    const spy = vi.spyOn(IDBRequest.prototype, 'addEventListener');
    try {
      await run();
      return spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
  }

  it('gives the requests that store new posts and their ledger entries no promise each', async () => {
    const db = await freshDb();
    const { added } = await addFeeds(db, [{ url: 'http://a.example/', title: 'a', firstCheckAt: 0 }], 0);
    const feedId = added[0]!.id;
    const poll = (from: number, n: number) => Array.from({ length: n }, (_, i) => item(`p${from + i}`, from + i));
    const few = await requestListeners(() => commitPoll(db, feedId, (f) => f, poll(0, 5), 1));
    const many = await requestListeners(() => commitPoll(db, feedId, (f) => f, poll(100, 50), 2));
    // Fifty new unread posts are 150 requests (post, two ledger entries): none awaited one by one.
    expect(many).toBe(few);
    expect(await readUnreadCounts(db)).toMatchObject({ total: 55, posts: 55 });
    expect(await db.count('unreadByFolder')).toBe(55);
  });
});

import { describe, expect, it } from 'vitest';
import type { ParsedItem } from '../feed/types';
import { addFeeds } from './feeds';
import { commitPoll, setRead } from './posts';
import { newestShownSortKey, queryPosts } from './queries';
import { freshDb } from './test-db';

const item = (id: string, published: number): ParsedItem => ({ id, title: `Post ${id}`, published, enclosures: [], categories: [] });

describe('queryPosts paging', () => {
  it('continues an unread river after posts of the previous page were read', async () => {
    const db = await freshDb();
    const { added } = await addFeeds(db, [{ url: 'http://a.example/feed.xml', title: 'A', folder: '', firstCheckAt: 0 }], 1000);
    const feed = added[0]!;
    await commitPoll(db, feed.id, (f) => f, [1, 2, 3, 4, 5, 6].map((n) => item(`p${n}`, n * 100)), 5000);
    const first = await queryPosts(db, { filter: 'unread', limit: 3 });
    expect(first.posts.map((p) => p.id)).toEqual(['p6', 'p5', 'p4']);
    // The reader reads the whole first page: the cursor's anchor is no longer in the unread index.
    await setRead(db, first.posts.map((p) => [p.feedId, p.id] as [string, string]), true);
    const second = await queryPosts(db, { filter: 'unread', limit: 3, after: first.next! });
    expect(second.posts.map((p) => p.id)).toEqual(['p3', 'p2', 'p1']);
    // Every newer post read too, and then some older: still no error, still the right page.
    await setRead(db, [[feed.id, 'p3']], true);
    const again = await queryPosts(db, { filter: 'unread', limit: 3, after: first.next! });
    expect(again.posts.map((p) => p.id)).toEqual(['p2', 'p1']);
  });
});

describe('newestShownSortKey', () => {
  it('passes over folded copies at the top of the river to the newest post it shows', async () => {
    const db = await freshDb();
    const { added } = await addFeeds(
      db,
      ['a', 'b'].map((n) => ({ url: `http://${n}.example/feed.xml`, title: n, folder: '', firstCheckAt: 0 })),
      1000,
    );
    const [a, b] = added as [(typeof added)[0], (typeof added)[0]];
    await commitPoll(db, a.id, (f) => f, [{ ...item('x', 100), url: 'http://site.example/x' }, item('old', 50)], 5000);
    // The same post through another feed, dated later: the newest record, folded under a's.
    await commitPoll(db, b.id, (f) => f, [{ ...item('y', 200), url: 'http://site.example/x' }], 6000);
    expect((await queryPosts(db, { filter: 'all', limit: 1 })).posts.map((p) => p.id)).toEqual(['x']);
    expect(await newestShownSortKey(db, { filter: 'all' })).toBe(100);
    expect(await newestShownSortKey(db, { filter: 'all', feedId: b.id })).toBe(200);
  });
});

/**
 * Pages read with getAllRecords (Chromium) must equal pages walked with a cursor (Firefox,
 * fake-indexeddb). fake-indexeddb has no getAllRecords, so here it gets one for the length of
 * a test (installGetAllRecords), and every river is paged both ways and compared:
 * ties on the sort key (more of them than the slack), starred, per feed, per folder, unread.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedItem } from '../feed/types';
import { addFeeds } from './feeds';
import type { Db } from './open-db';
import { commitPoll, setRead, setStarred } from './posts';
import { queryPosts, type PostQuery } from './queries';
import { freshDb, getAllRecordsCalls, installGetAllRecords, uninstallGetAllRecords } from './test-db';

afterEach(() => uninstallGetAllRecords());

const item = (id: string, published: number): ParsedItem => ({ id, title: `Post ${id}`, published, enclosures: [], categories: [] });

async function seed(): Promise<Db> {
  const db = await freshDb();
  const { added } = await addFeeds(
    db,
    ['a', 'b', 'c'].map((n, i) => ({ url: `http://${n}.example/feed.xml`, title: n, folder: i < 2 ? 'Blogs' : 'Podcasts', firstCheckAt: 0 })),
    1000,
  );
  for (const [f, feed] of added.entries()) {
    // 30 posts share one date (more ties than the fast path's slack), the rest are spread out.
    const items = Array.from({ length: 60 }, (_, i) => item(`p${String(i).padStart(2, '0')}`, i < 30 ? 5_000 : 1_000 * i + f));
    await commitPoll(db, feed.id, (x) => x, items, 9_000);
  }
  const posts = await queryPosts(db, { filter: 'all', limit: 1000 });
  for (const [i, p] of posts.posts.entries()) {
    if (i % 3 === 0) await setRead(db, [[p.feedId, p.id]], true);
    if (i % 7 === 0) await setStarred(db, [p.feedId, p.id], true);
  }
  return db;
}

async function pageAll(db: Db, q: Omit<PostQuery, 'limit' | 'after'>, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let after: PostQuery['after'];
  for (;;) {
    const page = await queryPosts(db, { ...q, limit, ...(after ? { after } : {}) });
    pages.push(page.posts.map((p) => `${p.feedId}/${p.id}`));
    if (!page.next) return pages;
    after = page.next;
  }
}

describe('pages read with getAllRecords', () => {
  const rivers: [string, (feedId: string) => Omit<PostQuery, 'limit' | 'after'>][] = [
    ['everything', () => ({ filter: 'all' })],
    ['starred', () => ({ filter: 'starred' })],
    ['unread', () => ({ filter: 'unread' })],
    ['one feed', (feedId) => ({ filter: 'all', feedId })],
    ['one feed, starred (cursor only)', (feedId) => ({ filter: 'starred', feedId })],
    ['one folder, unread', () => ({ filter: 'unread', folder: 'Blogs' })],
    ['one folder', () => ({ filter: 'all', folder: 'Blogs' })],
  ];
  for (const [name, query] of rivers) {
    for (const limit of [7, 40]) {
      it(`equal a cursor's pages: ${name}, pages of ${limit}`, async () => {
        const db = await seed();
        const feedId = (await queryPosts(db, { filter: 'all', limit: 1 })).posts[0]!.feedId;
        const walked = await pageAll(db, query(feedId), limit);
        installGetAllRecords();
        getAllRecordsCalls.n = 0;
        const fast = await pageAll(db, query(feedId), limit);
        expect(fast).toEqual(walked);
        expect(walked.flat().length).toBeGreaterThan(0);
        expect(new Set(fast.flat()).size).toBe(fast.flat().length);
        if (!name.includes('cursor only')) expect(getAllRecordsCalls.n).toBeGreaterThan(0);
      });
    }
  }
});

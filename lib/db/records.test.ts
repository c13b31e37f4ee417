/**
 * Pages read with getAllRecords (Chromium) must equal pages walked with a cursor (Firefox,
 * fake-indexeddb). fake-indexeddb has no getAllRecords, so here it gets one for the length of
 * a test, written over its own cursors, and every river is paged both ways and compared:
 * ties on the sort key (more of them than the slack), starred, per feed, per folder, unread.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedItem } from '../feed/types';
import { addFeeds } from './feeds';
import type { Db } from './open-db';
import { commitPoll, setRead, setStarred } from './posts';
import { queryPosts, type PostQuery } from './queries';
import { freshDb } from './test-db';

type Holder = { getAllRecords?: unknown };
const protos = [globalThis.IDBIndex.prototype, globalThis.IDBObjectStore.prototype] as unknown as Holder[];
let calls = 0;

/** getAllRecords for fake-indexeddb: `count` records of `query` in `direction`, from a cursor. */
function install() {
  for (const proto of protos) {
    proto.getAllRecords = function (this: IDBIndex | IDBObjectStore, o: { query?: IDBKeyRange | null; count?: number; direction?: IDBCursorDirection }) {
      calls += 1;
      const out: { key: IDBValidKey; primaryKey: IDBValidKey; value: unknown }[] = [];
      const cur = this.openCursor(o.query ?? null, o.direction ?? 'next');
      const req = { result: out, error: null, onsuccess: null as null | (() => void), onerror: null as null | (() => void) };
      cur.onsuccess = () => {
        const c = cur.result;
        if (c && out.length < (o.count ?? Infinity)) {
          out.push({ key: c.key, primaryKey: c.primaryKey, value: c.value });
          c.continue();
        } else req.onsuccess?.();
      };
      cur.onerror = () => {
        req.error = cur.error as never;
        req.onerror?.();
      };
      return req;
    };
  }
}
afterEach(() => {
  for (const proto of protos) delete proto.getAllRecords;
});

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
        install();
        calls = 0;
        const fast = await pageAll(db, query(feedId), limit);
        expect(fast).toEqual(walked);
        expect(walked.flat().length).toBeGreaterThan(0);
        expect(new Set(fast.flat()).size).toBe(fast.flat().length);
        if (!name.includes('cursor only')) expect(calls).toBeGreaterThan(0);
      });
    }
  }
});

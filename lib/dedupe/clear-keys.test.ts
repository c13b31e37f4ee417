import { afterEach, describe, expect, it, vi } from 'vitest';
import { addFeeds } from '../db/feeds';
import { commitBatch } from '../db/commit-batch';
import { commitPoll } from '../db/posts';
import { freshDb } from '../db/test-db';
import type { ParsedItem } from '../feed/types';

const DAY = 86_400_000;
const item = (id: string, title: string, published: number, url: string): ParsedItem => ({ id, title, published, enclosures: [], categories: [], url });
/** n posts of `site`, numbered from `from`, each with a link and a title key. */
const posts = (site: string, from: number, n: number, at = 5 * DAY) =>
  Array.from({ length: n }, (_, i) => item(`${site}-${from + i}`, `A long enough title number ${from + i}`, at + i, `https://${site}/posts/${from + i}.html`));

async function setup(names = ['planet', 'author', 'mirror']) {
  const db = await freshDb();
  const { added } = await addFeeds(db, names.map((n) => ({ url: `http://${n}.example/feed.xml`, title: n, folder: '', firstCheckAt: 0 })), 1000);
  return { db, feeds: added };
}

/** Requests made on the byDupKey index while `work` runs: [key lookups, range reads]. */
async function dupKeyReads(work: () => Promise<unknown>): Promise<{ lookups: number; ranges: number }> {
  const counts = { lookups: 0, ranges: 0 };
  const real = IDBIndex.prototype.getAllKeys;
  const spy = vi.spyOn(IDBIndex.prototype, 'getAllKeys').mockImplementation(function (this: IDBIndex, query?: IDBValidKey | IDBKeyRange | null, count?: number) {
    if (this.name === 'byDupKey') {
      if (query instanceof IDBKeyRange && query.lower !== query.upper) counts.ranges++;
      else counts.lookups++;
    }
    return real.call(this, query, count);
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return counts;
}

afterEach(() => vi.restoreAllMocks());

describe('duplicate keys proven clear by a range read', () => {
  it('a feed of 50 new posts with no copy elsewhere reads its keys as 2 ranges, not 100 lookups', async () => {
    const { db, feeds } = await setup();
    const author = feeds[1]!;
    await commitPoll(db, author.id, (f) => f, posts('blog.example', 0, 50), 10);
    const reads = await dupKeyReads(() => commitPoll(db, author.id, (f) => f, posts('blog.example', 50, 50), 20));
    expect(reads).toEqual({ lookups: 0, ranges: 2 });
    // Shown posts still carry their keys into the index, for the copies to come.
    expect((await db.get('posts', [author.id, 'blog.example-60']))!.dupKeys).toEqual(['l:blog.example/posts/60.html', 't:blog.example|a long enough title number 60']);
  });

  it('several feeds in one batch: 2 ranges each', async () => {
    const { db, feeds } = await setup(['a', 'b', 'c', 'd']);
    const jobs = feeds.map((f, i) => ({ feedId: f.id, update: (x: typeof f) => x, items: posts(`site${i}.example`, 0, 30), now: 10 }));
    const reads = await dupKeyReads(() => commitBatch(db, jobs));
    expect(reads).toEqual({ lookups: 0, ranges: 8 });
  });

  it("a range holding another feed's post falls back to lookups, and the copy in it is still folded", async () => {
    const { db, feeds } = await setup();
    const [planet, author] = [feeds[0]!, feeds[1]!];
    // The author's post 7 and 12 are stored; the planet brings posts 0-19 of the same site.
    await commitPoll(db, author.id, (f) => f, [posts('blog.example', 7, 1)[0]!, posts('blog.example', 12, 1)[0]!], 10);
    const reads = await dupKeyReads(() => commitPoll(db, planet.id, (f) => f, posts('blog.example', 0, 20).map((p) => ({ ...p, id: `planet-${p.id}` })), 20));
    expect(reads.ranges).toBe(2);
    expect(reads.lookups).toBeGreaterThan(0);
    expect((await db.get('posts', [planet.id, 'planet-blog.example-7']))!.dupOf).toEqual([author.id, 'blog.example-7']);
    expect((await db.get('posts', [planet.id, 'planet-blog.example-12']))!.dupOf).toEqual([author.id, 'blog.example-12']);
    // Posts between the copies, sharing the range but no key, stay shown.
    expect((await db.get('posts', [planet.id, 'planet-blog.example-9']))!.dupOf).toBeUndefined();
    expect((await db.get('posts', [planet.id, 'planet-blog.example-9']))!.read).toBe(0);
  });

  it('a title copy found through the title range (links differ)', async () => {
    const { db, feeds } = await setup();
    const [planet, author] = [feeds[0]!, feeds[1]!];
    await commitPoll(db, author.id, (f) => f, [item('a', 'A long enough title number 3', 5 * DAY, 'https://blog.example/a')], 10);
    // The planet's links are its own, on the author's site; one title matches within days.
    const mine = posts('blog.example', 0, 6).map((p) => ({ ...p, id: `p${p.id}`, url: `https://blog.example/planet/${p.id}` }));
    await commitPoll(db, planet.id, (f) => f, mine, 20);
    expect((await db.get('posts', [planet.id, 'pblog.example-3']))!.dupOf).toEqual([author.id, 'a']);
    expect((await db.get('posts', [planet.id, 'pblog.example-4']))!.dupOf).toBeUndefined();
  });

  it("more of the feed's own posts in the range than the read's limit prove nothing: looked up one by one", async () => {
    const { db, feeds } = await setup();
    const planet = feeds[0]!;
    await commitPoll(db, planet.id, (f) => f, posts('blog.example', 100, 120), 10);
    // Links posts/0.html and posts/300.html: the range spans the 120 stored links (limit 2 * 8 + 64 = 80).
    const two = [posts('blog.example', 0, 1)[0]!, posts('blog.example', 300, 1)[0]!].map((p) => ({ ...p, title: 'short' }));
    const reads = await dupKeyReads(() => commitPoll(db, planet.id, (f) => f, two, 20));
    expect(reads).toEqual({ lookups: 2, ranges: 1 });
  });

  it("another feed's copy in a range read alongside the feed's own posts is folded", async () => {
    const { db, feeds } = await setup();
    const [planet, author] = [feeds[0]!, feeds[1]!];
    await commitPoll(db, planet.id, (f) => f, posts('blog.example', 100, 30), 10);
    await commitPoll(db, author.id, (f) => f, [item('x', 'Something else entirely here', 5 * DAY, 'https://blog.example/posts/1.html')], 15);
    await commitPoll(db, planet.id, (f) => f, [posts('blog.example', 0, 1)[0]!, { ...posts('blog.example', 1, 1)[0]!, title: 'zz' }, posts('blog.example', 300, 1)[0]!], 20);
    expect((await db.get('posts', [planet.id, 'blog.example-1']))!.dupOf).toEqual([author.id, 'x']);
    expect((await db.get('posts', [planet.id, 'blog.example-300']))!.dupOf).toBeUndefined();
  });
});

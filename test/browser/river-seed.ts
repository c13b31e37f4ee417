/**
 * Synthetic subscriptions and posts written straight into IndexedDB from an extension page,
 * in the real schema (the page opens the database the extension created), for the windowing
 * test and `npm run bench:ui`. Posts look like blog posts: paragraphs, code, a table, links.
 */
import type { Page } from 'playwright-core';

/** What to generate. */
export interface SeedOptions {
  feeds: number;
  posts: number;
  /** Share of posts already read (0..1). */
  readShare?: number;
  /** First post number (to add more posts to an earlier seed). */
  from?: number;
  folders?: string[];
  /** False: posts as schema v5 stored them, with no keys in the river's index (default true). */
  riverKeys?: boolean;
  /** The newest this many posts hidden by a rule (hiddenBy 'seed-rule'). */
  hiddenNewest?: number;
}

/** Writes `posts` posts spread over `feeds` feeds (ids seed-0…) into the page's Orrery database. */
export async function seedPosts(page: Page, opts: SeedOptions): Promise<void> {
  await page.evaluate(async (o) => {
    const words = 'python async await generator decorator closure pytest fixture django flask numpy pandas typing dataclass asyncio context manager iterator comprehension lambda package wheel virtualenv interpreter bytecode garbage collector unicode regex sqlite http server request response'.split(' ');
    let rnd = 12345 + (o.from ?? 0);
    const rand = () => {
      rnd = (rnd * 1103515245 + 12345) & 0x7fffffff;
      return rnd / 0x7fffffff;
    };
    const pick = () => words[Math.floor(rand() * words.length)] ?? 'python';
    const sentence = (n: number) => Array.from({ length: n }, pick).join(' ');
    const folders = o.folders ?? ['Blogs', 'Podcasts', 'Companies', 'User groups'];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('orrery');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const done = (tx: IDBTransaction) =>
      new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    const far = Date.now() + 365 * 86400_000;
    const ftx = db.transaction('feeds', 'readwrite');
    for (let f = 0; f < o.feeds; f++) {
      ftx.objectStore('feeds').put({
        id: `seed-${f}`,
        url: `http://seed-${f}.example/feed.xml`,
        title: `Seed blog ${f} (${sentence(2)})`,
        siteUrl: `http://seed-${f}.example/`,
        folder: folders[f % folders.length],
        state: 'active',
        addedAt: Date.now(),
        nextCheckAt: far,
        intervalMs: 86400_000,
        scheduleReason: 'seeded',
        lastFetchAt: Date.now(),
        lastStatus: 'ok',
        errorCount: 0,
        fetchCount: 1,
        notModifiedCount: 0,
        bytesReceived: 0,
      });
    }
    await done(ftx);
    const start = o.from ?? 0;
    const end = start + o.posts;
    const t0 = Date.UTC(2026, 5, 1);
    const BATCH = 2000;
    // The unread ledger and counts are kept the way lib/db/post-writes.ts keeps them.
    type Counts = { total: number; posts: number; feeds: Record<string, number>; folders: Record<string, number> };
    const counts = await new Promise<Counts>((resolve) => {
      const r = db.transaction('meta').objectStore('meta').get('counts');
      r.onsuccess = () => {
        const v = r.result as Partial<Counts> | undefined;
        resolve({ total: v?.total ?? 0, posts: v?.posts ?? 0, feeds: v?.feeds ?? {}, folders: v?.folders ?? {} });
      };
    });
    for (let b = start; b < end; b += BATCH) {
      const tx = db.transaction(['posts', 'unreadByFeed', 'unreadByFolder', 'meta'], 'readwrite');
      const store = tx.objectStore('posts');
      for (let i = b; i < Math.min(end, b + BATCH); i++) {
        const f = i % o.feeds;
        const sortKey = t0 - i * 7 * 60_000;
        const html = `<p>${sentence(40)}.</p><pre><code>def f${i}(x):\n    return ${pick()}(x)  # ${sentence(6)}</code></pre><p>${sentence(30)} <a href="http://seed-${f}.example/p/${i}">more</a>.</p>${i % 10 === 0 ? `<table><tr><th>${pick()}</th><th>${pick()}</th></tr><tr><td>${sentence(3)}</td><td>${sentence(3)}</td></tr></table>` : ''}`;
        const read = rand() < (o.readShare ?? 0.5) ? 1 : 0;
        const folder = folders[f % folders.length] ?? '';
        counts.posts++;
        if (read === 0) {
          counts.total++;
          counts.feeds[`seed-${f}`] = (counts.feeds[`seed-${f}`] ?? 0) + 1;
          counts.folders[folder] = (counts.folders[folder] ?? 0) + 1;
          tx.objectStore('unreadByFeed').put(1, [`seed-${f}`, sortKey, `p${i}`]);
          tx.objectStore('unreadByFolder').put(1, [folder, sortKey, `seed-${f}`, `p${i}`]);
        }
        store.put({
          feedId: `seed-${f}`,
          id: `p${i}`,
          url: `http://seed-${f}.example/p/${i}`,
          title: `${sentence(5)} #${i}`,
          author: `Author ${f}`,
          published: sortKey,
          firstSeen: sortKey,
          sortKey,
          // Shown in the river: its keys in the river's index, as lib/db/river-keys.ts makes them.
          ...(i < (o.hiddenNewest ?? 0)
            ? { hiddenBy: 'seed-rule' }
            : o.riverKeys === false
              ? {}
              : { riverKeys: [['', sortKey], [`f:${folder}`, sortKey], ...(i % 97 === 0 ? [['s', sortKey]] : [])] }),
          contentHtml: html,
          enclosures: [],
          categories: [],
          read,
          starred: i % 97 === 0 ? 1 : 0,
          folder,
          updatedAt: sortKey,
        });
      }
      tx.objectStore('meta').put(counts, 'counts');
      await done(tx);
    }
    db.close();
  }, opts);
}

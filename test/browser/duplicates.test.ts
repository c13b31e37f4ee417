/**
 * Duplicates folded, in real Chromium: the same post through a Planet and the author's own
 * feed (same link, written differently) and a cross-post (same id) is shown once with "also
 * in: …"; starring and reading it marks every copy; each feed's own river still lists its copy.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server.mjs';
import { sendFromPage, waitForRefresh } from './helpers';
import { launchOrrery, type Orrery } from './launch';

const AUTHOR = 'http://author.example/feed.xml';
const PLANET = 'http://planet.example/rss20.xml';
const date = new Date(Date.UTC(2026, 4, 25, 9)).toUTCString();
const older = new Date(Date.UTC(2026, 4, 20, 9)).toUTCString();
const rss = (title: string, items: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>http://${title.toLowerCase()}.example/</link>${items}</channel></rss>`;
const AUTHOR_RSS = rss(
  'Author',
  `<item><title>Folding duplicates</title><link>https://author.example/2026/folding/</link><guid>https://author.example/2026/folding/</guid><pubDate>${date}</pubDate><description>Once.</description></item>
   <item><title>Only here</title><link>https://author.example/2026/only/</link><guid>a-only</guid><pubDate>${older}</pubDate></item>`,
);
const MIRROR = 'http://mirror.example/feed.xml';
const MIRROR_RSS = rss(
  'Mirror',
  `<item><title>Folding duplicates</title><link>https://author.example/2026/folding</link><guid>m-1</guid><pubDate>${date}</pubDate><description>Once.</description></item>`,
);
const PLANET_RSS = rss(
  'Planet',
  `<item><title>Author: Folding duplicates</title><link>http://www.author.example/2026/folding?utm_source=planet</link><guid isPermaLink="false">planet-1</guid><pubDate>${date}</pubDate><description>Once.</description></item>
   <item><title>Someone else</title><link>https://else.example/x</link><guid>p-else</guid><pubDate>${older}</pubDate></item>`,
);

let server: FixtureServer;
let orrery: Orrery;
let home: Page;

/** Every stored post: [feed title, title, read, starred, dupOf set]. */
function stored(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('orrery');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const get = <T,>(store: string) =>
      new Promise<T[]>((resolve) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
      });
    const feeds = await get<{ id: string; title: string }>('feeds');
    const posts = await get<{ feedId: string; title: string; read: number; starred: number; dupOf?: unknown; alsoIn?: unknown[] }>('posts');
    db.close();
    const name = new Map(feeds.map((f) => [f.id, f.title]));
    return posts
      .map((p) => ({ feed: name.get(p.feedId), title: p.title, read: p.read, starred: p.starred, folded: p.dupOf !== undefined, listed: p.alsoIn?.length ?? 0 }))
      .sort((a, b) => a.title.localeCompare(b.title));
  });
}

beforeAll(async () => {
  server = await startFixtureServer();
  for (const [url, body] of [[AUTHOR, AUTHOR_RSS], [PLANET, PLANET_RSS], [MIRROR, MIRROR_RSS]] as const) {
    server.overrides.set(url, (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Cache-Control': 'no-store' }).end(body));
  }
  orrery = await launchOrrery({ serverPort: server.port });
  home = await orrery.open('/options.html');
  await sendFromPage(home, { type: 'subscribe', url: AUTHOR });
  await sendFromPage(home, { type: 'subscribe', url: PLANET });
  const since = Date.now();
  await sendFromPage(home, { type: 'refresh-all' });
  await waitForRefresh(home, since);
});

afterAll(async () => {
  await orrery?.close();
  await server?.close();
});

describe('duplicates folded', () => {
  it('shows the post once, with "also in" the other feed, and marks every copy', async () => {
    const before = await stored(home);
    expect(before.filter((p) => p.folded)).toHaveLength(1);
    const timeline = await orrery.open('/timeline.html');
    await expect.poll(() => timeline.getByTestId('entry').count()).toBe(3);
    const post = timeline.locator('[data-testid="entry"]', { has: timeline.getByTestId('entry-also-in') });
    expect(await post.count()).toBe(1);
    // Whichever feed brought it first is shown; the other is named.
    const shownFeed = before.find((p) => /Folding duplicates/.test(p.title) && !p.folded)!.feed;
    expect(await post.getByTestId('entry-also-in').textContent()).toBe(`also in: ${shownFeed === 'Author' ? 'Planet' : 'Author'}`);

    await post.getByTestId('toggle-star').click();
    await expect.poll(async () => (await stored(home)).filter((p) => /Folding/.test(p.title)).map((p) => p.starred)).toEqual([1, 1]);
    await post.getByTestId('toggle-read').click();
    await expect.poll(async () => (await stored(home)).filter((p) => /Folding/.test(p.title)).map((p) => p.read)).toEqual([1, 1]);
    await timeline.close();
  });

  it('the folded copy is still listed in its own feed’s river', async () => {
    const feeds = await home.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('orrery');
        req.onsuccess = () => resolve(req.result);
      });
      const all = await new Promise<{ id: string; title: string }[]>((resolve) => {
        const r = db.transaction('feeds').objectStore('feeds').getAll();
        r.onsuccess = () => resolve(r.result);
      });
      db.close();
      return all;
    });
    const copyFeed = (await stored(home)).find((p) => p.folded)!.feed;
    const id = feeds.find((f) => f.title === copyFeed)!.id;
    const page = await orrery.open(`/timeline.html#${new URLSearchParams({ feed: id })}`);
    await expect.poll(() => page.getByTestId('entry').count()).toBe(2);
    expect((await page.getByTestId('entry-title').allTextContents()).some((t) => /Folding duplicates/.test(t))).toBe(true);
    await page.close();
  });

  it('a copy arriving in a later refresh is named too, though the shown post is not rewritten for it, and unstarred with the others', async () => {
    await sendFromPage(home, { type: 'subscribe', url: MIRROR });
    await expect.poll(async () => (await stored(home)).filter((p) => /Folding/.test(p.title)).length, { timeout: 60_000 }).toBe(3);
    const folding = (await stored(home)).filter((p) => /Folding/.test(p.title));
    expect(folding.filter((p) => p.folded).map((p) => p.feed).sort()).toEqual(['Mirror', folding.find((p) => !p.folded)!.feed === 'Author' ? 'Planet' : 'Author'].sort());
    // The shown post still lists only its first copy: the new one was not written into it.
    expect(folding.find((p) => !p.folded)!.listed).toBe(1);
    // The first test read and starred the post: the copy arrives read and starred.
    expect(folding.map((p) => [p.read, p.starred])).toEqual([[1, 1], [1, 1], [1, 1]]);
    const timeline = await orrery.open('/timeline.html');
    const post = timeline.locator('[data-testid="entry"]', { has: timeline.getByTestId('entry-also-in') });
    await expect.poll(() => post.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => post.getByTestId('entry-also-in').textContent(), { timeout: 30_000 }).toMatch(/^also in: .*Mirror/);
    // Unstarring it unstars every copy, the one only the index lists included.
    await post.getByTestId('toggle-star').click();
    await expect.poll(async () => (await stored(home)).filter((p) => /Folding/.test(p.title)).map((p) => p.starred)).toEqual([0, 0, 0]);
    await timeline.close();
  });
});

/**
 * Open pages while a refresh runs: every change broadcast names the feeds polled and those
 * whose posts changed (a refresh of 304s changes no posts), the pages re-read only that, at
 * most about once a second, and still show the final state when the refresh is over; a
 * change made in one page shows in the others.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../server/fixture-server.mjs';
import { sendFromPage, waitForRefresh } from './helpers';
import { closeAll, launchWithFixtures, type Orrery } from './launch';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');
const urlmap = JSON.parse(readFileSync(path.join(FIXTURES, 'urlmap.json'), 'utf8')) as Record<string, string | null>;
// Feeds that exist, and a few that answer 404 (their rows must show the failure too).
const urls = [...Object.keys(urlmap).filter((u) => urlmap[u]), ...Object.keys(urlmap).filter((u) => !urlmap[u]).slice(0, 5)];

let server: FixtureServer;
let orrery: Orrery;
let options: Page;
let timeline: Page;
let popup: Page;

interface Change {
  all: boolean;
  feeds?: string[];
  posts?: string[];
}

/** What is stored per feed: posts and status, and the newest post and unread total. */
function readStored(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('orrery');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const ask = <T,>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const tx = db.transaction(['feeds', 'posts']);
    const feeds = (await ask(tx.objectStore('feeds').getAll())) as { id: string; url: string; title: string; lastFetchAt?: number }[];
    const posts = (await ask(tx.objectStore('posts').getAll())) as { feedId: string; id: string; read: number; sortKey: number; dupOf?: unknown; hiddenBy?: string }[];
    db.close();
    const perFeed: Record<string, number> = {};
    for (const p of posts) perFeed[p.feedId] = (perFeed[p.feedId] ?? 0) + 1;
    // The same post may be in two feeds (and posts may share a date): the river's first is one of these.
    // Folded copies (the Planet's and the author's) and hidden posts are not in the river.
    const shown = posts.filter((p) => p.dupOf === undefined && p.hiddenBy === undefined);
    const top = Math.max(...shown.map((p) => p.sortKey));
    const newest = shown.filter((p) => p.sortKey === top).map((p) => `${p.feedId}/${p.id}`).sort();
    return {
      feeds: feeds.map((f) => ({ id: f.id, url: f.url, title: f.title, fetched: f.lastFetchAt !== undefined, posts: perFeed[f.id] ?? 0 })),
      unread: posts.filter((p) => p.read === 0).length,
      newest,
    };
  });
}

/** Starts recording the change broadcasts a page receives. */
const record = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __changes: unknown[]; __ch?: BroadcastChannel };
    w.__changes = [];
    w.__ch ??= new BroadcastChannel('orrery-changes');
    w.__ch.onmessage = (e: MessageEvent<{ change?: unknown }>) => w.__changes.push(e.data.change ?? { all: true });
  });
const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __changes: Change[] }).__changes);

/** Every row's posts column, by feed URL. */
const rowPosts = () =>
  options.getByTestId('subscription').evaluateAll((els) => Object.fromEntries(els.map((el) => [el.getAttribute('data-feed-url'), Number(el.children[5]?.textContent)])));

async function refresh(): Promise<void> {
  const since = Date.now();
  await sendFromPage(popup, { type: 'refresh-all' });
  await waitForRefresh(popup, since, 120_000);
}

beforeAll(async () => {
  ({ server, orrery } = await launchWithFixtures({ latency: [20, 60] }));
  options = await orrery.open('/options.html');
  const opml = `<?xml version="1.0"?><opml version="2.0"><body>${urls.map((u) => `<outline type="rss" text="${u}" xmlUrl="${u}"/>`).join('')}</body></opml>`;
  await options.getByTestId('opml-file').setInputFiles({ name: 'live.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
  await options.getByTestId('import-report').waitFor();
  timeline = await orrery.open('/timeline.html');
  popup = await orrery.open('/popup.html');
});

afterAll(() => closeAll({ orrery, server }));

describe('pages open during a refresh', () => {
  it('show the final state when it ends: the options table, the timeline and the popup', async () => {
    const before = await readStored(popup);
    await record(popup);
    await refresh();
    const stored = await readStored(popup);
    expect(stored.feeds.every((f) => f.fetched)).toBe(true);
    expect(stored.unread).toBeGreaterThan(0);
    const want = Object.fromEntries(stored.feeds.map((f) => [f.url, f.posts]));
    await expect.poll(rowPosts).toEqual(want);
    await expect.poll(() => options.getByTestId('subscription').filter({ hasText: 'Not fetched yet' }).count()).toBe(0);
    await expect.poll(() => options.getByTestId('subscription-status').filter({ hasText: '404' }).count()).toBe(5);
    await expect.poll(() => timeline.locator('.scope-all [data-testid="unread-count"]').textContent()).toBe(String(stored.unread));
    await expect
      .poll(async () => stored.newest.includes(await timeline.getByTestId('entry').first().evaluate((el) => `${el.getAttribute('data-feed-id')}/${el.getAttribute('data-entry-id')}`)))
      .toBe(true);
    await expect.poll(() => popup.getByTestId('unread-total').textContent()).toBe(String(stored.unread));

    // The broadcasts named what changed: every feed polled, the feeds that got posts, never "everything".
    const changes = await recorded(popup);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.all === false)).toBe(true);
    const polled = new Set(changes.flatMap((c) => c.feeds ?? []));
    const withPosts = new Set(changes.flatMap((c) => c.posts ?? []));
    expect([...polled].sort()).toEqual(stored.feeds.map((f) => f.id).sort());
    // (The import's first staggered polls may have stored some feeds' posts before the refresh.)
    const had = new Map(before.feeds.map((f) => [f.id, f.posts]));
    expect([...withPosts].every((id) => stored.feeds.find((f) => f.id === id)!.posts > 0)).toBe(true);
    expect(stored.feeds.filter((f) => f.posts !== had.get(f.id)).every((f) => withPosts.has(f.id))).toBe(true);
    expect(withPosts.size).toBeGreaterThan(0);
  });

  it('a refresh answered by 304s changes no posts, and says so', async () => {
    await record(popup);
    const before = await readStored(popup);
    await refresh();
    // The run's end is stored as its last commit lands; that batch's broadcast may follow it.
    const named = async () => new Set((await recorded(popup)).flatMap((c) => c.feeds ?? [])).size;
    await expect.poll(named).toBe(before.feeds.length);
    const changes = await recorded(popup);
    expect(changes.every((c) => c.all === false && c.posts?.length === 0)).toBe(true);
    const after = await readStored(popup);
    await expect.poll(rowPosts).toEqual(Object.fromEntries(after.feeds.map((f) => [f.url, f.posts])));
  });

  it('a change made in one page shows in the others', async () => {
    // Mark everything read in the popup: the timeline's counts follow.
    await popup.getByTestId('mark-all-read').click();
    await expect.poll(() => timeline.locator('.scope-all [data-testid="unread-count"]').textContent()).toBe('0');
    await expect.poll(() => timeline.getByTestId('entry').first().getAttribute('data-read')).toBe('true');
    // Rename a feed in the options page: the timeline's sidebar shows the new name.
    const { feeds } = await readStored(options);
    const feed = feeds.find((f) => f.posts > 0)!;
    await options.locator(`[data-testid="subscription"][data-feed-url="${feed.url}"]`).getByTestId('edit-subscription').click();
    const editor = options.getByRole('form', { name: `Edit ${feed.title}` });
    await editor.getByTestId('edit-title').fill('Renamed while open');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => timeline.getByTestId('feed-list-item').filter({ hasText: 'Renamed while open' }).count()).toBe(1);
    // And the other way: a post marked unread in the timeline counts again in the popup.
    await timeline.getByTestId('entry').first().getByTestId('toggle-read').click();
    await expect.poll(() => popup.getByTestId('unread-total').textContent()).toBe('1');
  });
});

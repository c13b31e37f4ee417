/**
 * Where links leave Orrery, in real Chromium: posts stored with data:, javascript:, file: and
 * chrome: links (as databases written before the parse-time filter hold them) never become a
 * tab, from the popup (click, middle click) or the timeline (o, Enter); they render as text and
 * the UI says why nothing opened. Web links still open, a middle click in the background.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../server/fixture-server.mjs';
import { closeAll, launchWithFixtures, type Orrery } from './launch';
import { seedPosts } from './river-seed';

let server: FixtureServer;
let orrery: Orrery;
let worker: Worker;
let home: Page;

/** Post id -> stored link. p0 is the newest post; seed-0 is the only feed. */
const LINKS: Record<string, string> = {
  p0: 'data:text/html,<h1>Session expired</h1><script>document.title="pwned"</script>',
  p1: 'javascript:alert(1)',
  p2: 'file:///etc/passwd',
  p3: 'chrome://settings/',
  p4: 'http://seed-0.example/p/4',
  p5: 'http://seed-0.example/p/5',
};
const BAD = ['p0', 'p1', 'p2', 'p3'];
const BAD_SCHEMES = /^(?:data|javascript|file|chrome):/i;

beforeAll(async () => {
  ({ server, orrery } = await launchWithFixtures());
  worker = await orrery.worker();
  home = await orrery.open('/options.html');
  await seedPosts(home, { feeds: 1, posts: 6, readShare: 0 });
  // Rewrite the seeded links (and the feed's site, and an episode) as a hostile river stored them.
  await home.evaluate(async (links) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('orrery');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction(['posts', 'feeds'], 'readwrite');
    const posts = tx.objectStore('posts');
    for (const [id, url] of Object.entries(links)) {
      const get = posts.get(['seed-0', id]);
      await new Promise((resolve) => (get.onsuccess = resolve));
      const post = get.result as { url: string; enclosures: unknown[] };
      post.url = url;
      if (id === 'p1') post.enclosures = [{ url: 'data:audio/mpeg;base64,AAAA', type: 'audio/mpeg' }];
      posts.put(post);
    }
    const feeds = tx.objectStore('feeds');
    const getFeed = feeds.get('seed-0');
    await new Promise((resolve) => (getFeed.onsuccess = resolve));
    feeds.put({ ...(getFeed.result as object), siteUrl: 'javascript:alert(1)' });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, LINKS);
});

afterAll(() => closeAll({ orrery, server }));

/** Every tab's address (or the address it is loading). */
const tabUrls = () => worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.pendingUrl || t.url || ''));

/** Whether a post is read in the store. */
const isRead = (id: string) =>
  home.evaluate(async (postId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('orrery');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const get = db.transaction('posts').objectStore('posts').get(['seed-0', postId]);
    const post = await new Promise<{ read: number }>((resolve) => (get.onsuccess = () => resolve(get.result as { read: number })));
    db.close();
    return post.read === 1;
  }, id);

const linksToBadSchemes = (p: Page) =>
  p.evaluate((re) => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '').filter((h) => new RegExp(re, 'i').test(h)), BAD_SCHEMES.source);

describe('links that are not web addresses', () => {
  it('popup: a click or a middle click on them opens no tab and says why; web links open (middle click in the background) and read', async () => {
    const popup = await orrery.open('/popup.html');
    const entries = popup.getByTestId('recent-entry');
    await expect.poll(() => entries.count()).toBe(6);
    expect(await linksToBadSchemes(popup)).toEqual([]);
    for (const id of BAD) {
      const entry = popup.locator('[data-testid="recent-entry"]', { hasText: `#${id.slice(1)}` });
      await entry.getByRole('button').click({ button: 'middle' });
      await entry.getByRole('button').click();
      await expect.poll(() => entry.getByTestId('link-not-opened').textContent()).toContain("This post's link is not a web address and was not opened.");
      expect(await entry.getAttribute('data-read')).toBe('false');
    }
    // A middle click on a web link: a background tab, the post read, the popup still in front.
    const middle = popup.locator('[data-testid="recent-entry"]', { hasText: '#4' });
    await middle.locator('a').click({ button: 'middle' });
    await expect.poll(tabUrls).toContain(LINKS.p4);
    await expect.poll(() => isRead('p4')).toBe(true);
    const opened = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => (t.pendingUrl || t.url) === u)?.active, LINKS.p4);
    expect(opened).toBe(false);
    // A plain click still opens its tab.
    await popup.locator('[data-testid="recent-entry"]', { hasText: '#5' }).locator('a').click();
    await expect.poll(tabUrls).toContain(LINKS.p5);
    const urls = await tabUrls();
    expect(urls.filter((u) => BAD_SCHEMES.test(u))).toEqual([]);
    expect(orrery.context.pages().map((p) => p.url()).filter((u) => BAD_SCHEMES.test(u))).toEqual([]);
    for (const id of BAD) expect(await isRead(id), id).toBe(false);
    await popup.close();
  });

  it('timeline: o and Enter on them open no tab, say why and show the post; their titles, feed name and episode are not links', async () => {
    const before = (await tabUrls()).length;
    const page = await orrery.open('/timeline.html');
    await page.getByTestId('entry').first().waitFor();
    await expect.poll(() => page.getByTestId('entry').count()).toBe(6);
    expect(await linksToBadSchemes(page)).toEqual([]);
    // Titles of non-web links are text with a note, never a dead link; the feed name (javascript: site) too.
    const first = page.getByTestId('entry').first();
    expect(await first.getByTestId('entry-title').evaluate((el) => el.tagName)).toBe('SPAN');
    expect(await first.getByTestId('entry-link-note').textContent()).toBe('Link not a web address');
    expect(await page.getByTestId('entry-feed').first().locator('a').count()).toBe(0);
    // p1's data: episode is no episode: no player, no "Audio download".
    expect(await page.locator('[data-entry-id="p1"] [data-testid="entry-audio"]').count()).toBe(0);
    expect(await page.getByText('Audio download').count()).toBe(0);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    for (const [i, id] of BAD.entries()) {
      await page.keyboard.press('j');
      await expect.poll(() => page.locator('article.current').getAttribute('data-entry-id')).toBe(id);
      await page.keyboard.press(i % 2 ? 'Enter' : 'o');
      await expect.poll(() => page.getByTestId('notice').textContent()).toContain("This post's link is not a web address and was not opened.");
      await page.locator('[data-testid="notice"] button[aria-label="Dismiss"]').click();
      await page.locator(`article[data-entry-id="${id}"]`).focus();
    }
    // A web link still opens.
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('article.current').getAttribute('data-entry-id')).toBe('p4');
    await page.keyboard.press('o');
    await expect.poll(async () => (await tabUrls()).filter((u) => u === LINKS.p4).length).toBe(2);
    const urls = await tabUrls();
    expect(urls.length).toBe(before + 2);
    expect(urls.filter((u) => BAD_SCHEMES.test(u))).toEqual([]);
    await page.close();
  });
});


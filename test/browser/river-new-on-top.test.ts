/**
 * New posts arriving while the reader is at the top of the river appear above the posts on
 * screen, and those posts keep their elements (the first page is not emptied and rebuilt on
 * every change broadcast of a refresh).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genPath } from '../server/gen-feed.mjs';
import { sendFromPage, waitForRefresh } from './helpers';
import { closeAll, launchWithFixtures, type OrreryWithServer } from './launch';

let o: OrreryWithServer;
let popup: Page;
const PER_STEP = 5;
// Two generated feeds (new posts at every step) and a fixed one (304 on the second refresh).
const STATIC = 'http://eli-bendersky.example/index.rdf';
const urls = [...[0, 1].map((f) => `http://gen-${f}.example${genPath(f, PER_STEP)}`), STATIC];
const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>${urls.map((u) => `<outline type="rss" text="${u}" xmlUrl="${u}"/>`).join('')}</body></opml>`;

/** A post's title as stored. */
function storedTitle(page: Page, feedId: string, id: string): Promise<string> {
  return page.evaluate(
    async ([f, i]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('orrery');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const req = db.transaction('posts').objectStore('posts').get([f!, i!]);
      const post = await new Promise<{ title: string }>((r) => (req.onsuccess = () => r(req.result as { title: string })));
      db.close();
      return post.title;
    },
    [feedId, id],
  );
}

async function refresh(): Promise<void> {
  const since = Date.now();
  await sendFromPage(popup, { type: 'refresh-all' });
  await waitForRefresh(popup, since, 120_000);
}

beforeAll(async () => {
  o = await launchWithFixtures();
  o.server.gen.step = 1;
  popup = await o.orrery.open('/popup.html');
  await sendFromPage(popup, { type: 'import-opml', text: opml });
  await refresh();
});

afterAll(() => closeAll(o));

describe('the river at the top while posts arrive', () => {
  it('shows the new posts above, and the posts already shown keep their elements', async () => {
    const timeline = await o.orrery.open('/timeline.html');
    const entries = timeline.locator('[data-testid="entry"][data-entry-id*="gen-"]');
    await expect.poll(() => entries.count()).toBe(2 * PER_STEP);
    // Tag every article element: a rebuilt river has none of these tags.
    await entries.evaluateAll((els) => els.forEach((el) => ((el as HTMLElement & { kept?: boolean }).kept = true)));
    const before = await entries.evaluateAll((els) => els.map((el) => el.getAttribute('data-entry-id')));

    o.server.gen.step = 2;
    await refresh();
    await expect.poll(() => entries.count()).toBe(4 * PER_STEP);
    const after = await entries.evaluateAll((els) => els.map((el) => ({ id: el.getAttribute('data-entry-id'), kept: (el as HTMLElement & { kept?: boolean }).kept === true })));
    // The newer posts are on top, the earlier ones below them in the same order, in the same elements.
    expect(after.slice(2 * PER_STEP).map((e) => e.id)).toEqual(before);
    expect(after.slice(2 * PER_STEP).every((e) => e.kept)).toBe(true);
    expect(after.slice(0, 2 * PER_STEP).some((e) => e.kept)).toBe(false);
    expect(await timeline.evaluate(() => window.scrollY)).toBeLessThan(40);
  });

  it('after polls, reads again only the posts of the feeds whose posts changed', async () => {
    const timeline = await o.orrery.open('/timeline.html');
    const fixed = timeline.locator('[data-testid="entry"]:not([data-entry-id*="gen-"])').first();
    await fixed.waitFor();
    // Off the top, so new posts are announced, not shown (the first page is not read again).
    await expect.poll(() => timeline.evaluate(() => (window.scrollTo(0, 300), window.scrollY))).toBe(300);
    const [feedId, id] = await fixed.evaluate((el) => [el.getAttribute('data-feed-id')!, el.getAttribute('data-entry-id')!]);
    // Behind Orrery's back (no broadcast): a page that read this post again would show the new title.
    await timeline.evaluate(
      async ([f, i]) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('orrery');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const tx = db.transaction('posts', 'readwrite');
        const store = tx.objectStore('posts');
        const req = store.get([f!, i!]);
        await new Promise((r) => (req.onsuccess = r));
        store.put({ ...(req.result as object), title: 'Changed behind the river' });
        await new Promise((r) => (tx.oncomplete = r));
        db.close();
      },
      [feedId, id],
    );
    o.server.gen.step = 3;
    await refresh();
    // The refresh's change was applied (new posts are announced); the fixed feed's posts were not read again.
    await expect.poll(() => timeline.getByRole('button', { name: 'New posts: show them' }).count(), { timeout: 60_000 }).toBe(1);
    expect(await fixed.getByTestId('entry-title').textContent()).not.toBe('Changed behind the river');
    // The store still has the changed title (the fixed feed answered 304): the river did not read it again.
    expect(await storedTitle(timeline, feedId!, id!)).toBe('Changed behind the river');
  });
});

/**
 * How the timeline reaches its first screen: the app renders once its first page is read (its
 * first frame already holds posts, even when the read waits behind another transaction), and
 * the parts that are not on the first screen (the sidebar, the player dock, the shortcuts
 * dialog) are chunks of their own that the page loads when they first show, and they still work.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../server/fixture-server.mjs';
import { closeAll, extensionDir, launchWithFixtures, type Orrery } from './launch';
import { subscribeToFixtures } from './subscribe-fixtures';


let server: FixtureServer;
let orrery: Orrery;
let options: Page;

beforeAll(async () => {
  ({ server, orrery } = await launchWithFixtures());
  options = await orrery.open('/options.html');
  await subscribeToFixtures(options, 'first.opml');
});

afterAll(() => closeAll({ orrery, server }));

/** The chunks timeline.html loads before its module runs (its script and modulepreloads). */
function firstScreenChunks(): { name: string; code: string }[] {
  const dir = extensionDir();
  const html = readFileSync(path.join(dir, 'timeline.html'), 'utf8');
  return [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)]
    .map((m) => m[1]!)
    .filter((f) => f.startsWith('chunks/'))
    .map((f) => ({ name: f, code: readFileSync(path.join(dir, f), 'utf8') }));
}

describe('the timeline first screen', () => {
  it('renders the app once the first page is read: its first frame has posts, though the read waited', async () => {
    // Another page holds a write transaction on the posts: the timeline's first read waits for it.
    await options.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('orrery');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const w = window as unknown as { __hold: boolean; __held: Promise<void> };
      w.__hold = true;
      const tx = db.transaction('posts', 'readwrite');
      const store = tx.objectStore('posts');
      const spin = () => {
        if (w.__hold) store.count().onsuccess = spin;
      };
      spin();
      w.__held = new Promise((resolve) => (tx.oncomplete = () => resolve()));
    });
    const page = await orrery.context.newPage();
    // Whether the posts were there the first time the app's toolbar was.
    await page.addInitScript(() => {
      const w = window as unknown as { __toolbarWithPosts?: boolean };
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-testid="show-shortcuts"]')) return;
        w.__toolbarWithPosts = document.querySelector('[data-testid="entry"]') !== null;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`chrome-extension://${orrery.extensionId}/timeline.html`);
    // The module ran (goto waits for the load event); the static bar is on screen meanwhile.
    expect(await page.locator('#app .brand').count()).toBe(1);
    await page.waitForTimeout(400);
    await options.evaluate(() => {
      const w = window as unknown as { __hold: boolean; __held: Promise<void> };
      w.__hold = false;
      return w.__held;
    });
    await page.getByTestId('entry').first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __toolbarWithPosts?: boolean }).__toolbarWithPosts)).toBe(true);
    // One app, no leftover of the static bar.
    expect(await page.locator('#app .topbar').count()).toBe(1);
    await page.close();
  });

  it('loads neither the sidebar, the player dock nor the shortcuts dialog before its module runs', () => {
    const first = firstScreenChunks();
    expect(first.some((c) => c.name.startsWith('chunks/timeline-'))).toBe(true);
    for (const id of ['feed-list-item', 'player-dock', 'shortcuts-dialog']) {
      // The element's test hook as the minifier writes it: "data-testid":`id` (or "id").
      const hook = new RegExp(`"data-testid":[\`"']${id}[\`"']`);
      expect(first.filter((c) => hook.test(c.code)).map((c) => c.name), id).toEqual([]);
      // Each is in the build still, in a chunk of its own.
      const chunks = readdirSync(path.join(extensionDir(), 'chunks')).filter((f) => hook.test(readFileSync(path.join(extensionDir(), 'chunks', f), 'utf8')));
      expect(chunks.length, id).toBeGreaterThan(0);
    }
  });

  it('shows the sidebar after the first posts, and the shortcuts dialog at "?"', async () => {
    const page = await orrery.open('/timeline.html');
    await page.getByTestId('entry').first().waitFor();
    await page.getByTestId('feed-list-item').first().waitFor();
    await page.keyboard.press('?');
    const dialog = page.getByTestId('shortcuts-dialog');
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    // Asked again, the dialog (its chunk in) opens again.
    await page.getByTestId('show-shortcuts').click();
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.close();
  });
});

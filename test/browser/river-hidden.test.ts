/**
 * A river whose newest posts a rule hid: the first screen shows the newest post the river
 * shows, at once, never "Nothing here yet" while it reads past the hidden ones (everything,
 * a folder, and a feed's own river, which reads its feed's posts and leaves hidden ones out).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../server/fixture-server.mjs';
import { sendFromPage } from './helpers';
import { launchOrrery, type Orrery } from './launch';
import { seedPosts } from './river-seed';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let orrery: Orrery;
let home: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  orrery = await launchOrrery({ serverPort: server.port });
  home = await orrery.open('/options.html');
  // 400 posts over 2 feeds, newest first #0, #1, …; the rule hides #0-#149 (more than three pages of 40).
  await seedPosts(home, { feeds: 2, posts: 400, folders: ['Blogs'] });
  await sendFromPage(home, {
    type: 'save-rules',
    rules: [{ id: 'hide-newest', action: 'hide', match: 'regex', pattern: '#(1[0-4])?\\d?\\d$', fields: ['title'], scope: { kind: 'all' }, enabled: true }],
  });
  await sendFromPage(home, { type: 'apply-rules' });
}, 120_000);

afterAll(async () => {
  await orrery?.close();
  await server?.close();
});

/** Opens the timeline at `hash`, noting whether the river ever said it was empty. */
async function openWatched(hash: string): Promise<Page> {
  const page = await orrery.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { sawEmpty: boolean };
    w.sawEmpty = false;
    new MutationObserver(() => {
      if (document.querySelector('.river-main .empty, p.empty')) w.sawEmpty = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`chrome-extension://${orrery.extensionId}/timeline.html${hash}`);
  await page.getByTestId('entry').first().waitFor({ timeout: 60_000 });
  return page;
}

describe('a river whose newest posts a rule hid', () => {
  for (const [name, hash, first] of [
    ['everything', '', 'p150'],
    ['a folder', '#folder=Blogs', 'p150'],
    ['a feed', '#feed=seed-1', 'p151'],
  ] as const) {
    it(`${name}: the first screen shows the newest shown post at once`, async () => {
      const page = await openWatched(hash);
      expect(await page.getByTestId('entry').first().getAttribute('data-entry-id')).toBe(first);
      expect(await page.getByTestId('hidden-count').textContent()).toMatch(/^(150|75) posts hidden by rules\.$/);
      expect(await page.evaluate(() => (window as unknown as { sawEmpty: boolean }).sawEmpty)).toBe(false);
      await page.close();
    });
  }
});

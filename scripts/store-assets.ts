// `npm run store-assets`: the images the Chrome Web Store and Firefox Add-ons listings ask for,
// made from the real screens of the built extension with the demo's data (Planet Python's 545
// subscriptions imported from OPML and refreshed from the local fixture server, as `npm start`
// does), into .output/store-assets/ next to the zips they are uploaded with:
//   popup-{light,dark}.png: the popup over a blog announcing feeds; timeline-{light,dark}.png;
//   options-{light,dark}.png: a feed just added, with its preview and grade     1280x800
//   promo-tile.png  440x280 (Chrome's small promo tile)
//   icon-128.png    96x96 artwork with 16 px of transparent padding, as the Chrome store asks
// Each screen is checked to show what it claims (its content, its colour scheme) before it is
// written. Debian's Chromium through playwright-core, as the browser tests (test/browser/launch.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startFixtureServer } from '../test/server/fixture-server.mjs';
import { launchOrrery } from '../test/browser/launch';
import { waitForRefresh } from '../test/browser/helpers';
import { iconPng } from './icon-art.mjs';
import { blogPage, framedPopup, promoTile, type Scheme } from './store-art';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, process.env.ORRERY_OUT ?? '.output', 'store-assets');
const OPML = path.join(ROOT, 'test', 'fixtures', 'planet-python.opml');
/** A Planet Python feed, added on the options page before the import (and undone). */
const PREVIEWED = 'http://real-python.example/feed.xml';
const BLOG = 'http://wordpress-like.example/2026/11/packaging/';
const SCREEN = { width: 1280, height: 800 };
const SCHEMES: Scheme[] = ['light', 'dark'];
const written: string[] = [];

function write(name: string, png: Buffer): void {
  writeFileSync(path.join(OUT, name), png);
  written.push(name);
}

/** Fails unless the page paints the scheme's background: a dark screen for dark, a light one for light. */
async function expectScheme(page: Page, scheme: Scheme, what: string): Promise<void> {
  const rgb = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
  const dark = 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
  if (dark !== (scheme === 'dark')) throw new Error(`${what} in ${scheme}: its background is ${rgb}`);
}

/** Renders a page of HTML (no network: images are data: URLs) and screenshots it at its size. */
async function render(context: BrowserContext, html: string, size: { width: number; height: number }, transparent = false): Promise<Buffer> {
  const page = await context.newPage();
  await page.setViewportSize(size);
  await page.setContent(html, { waitUntil: 'load' });
  const png = await page.screenshot({ omitBackground: transparent });
  await page.close();
  return png;
}

if (process.env.ORRERY_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const server = await startFixtureServer({});
server.overrides.set(BLOG, (_req: unknown, res: import('node:http').ServerResponse) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(blogPage());
});
const orrery = await launchOrrery({ serverPort: server.port });
try {
  // The options page as a reader adding a feed sees it: subscribed, with the feed's preview and grade.
  for (const scheme of SCHEMES) {
    const o = await orrery.open('/options.html');
    await o.setViewportSize(SCREEN);
    await o.emulateMedia({ colorScheme: scheme });
    await o.getByTestId('subscribe-url').fill(PREVIEWED);
    await o.getByTestId('subscribe-submit').click();
    await o.getByTestId('preview-posts').waitFor({ timeout: 60_000 });
    await o.getByTestId('feed-grade').waitFor();
    await expectScheme(o, scheme, 'the options page');
    await o.locator('body').hover({ position: { x: 1, y: 1 } });
    write(`options-${scheme}.png`, await o.screenshot());
    // Undone, so that the next scheme shows the same screen and the import below adds it with the rest.
    await o.getByRole('button', { name: 'Undo' }).click();
    await o.getByTestId('feed-grade').waitFor({ state: 'detached' });
    await o.close();
  }

  // The demo's data, subscribed as `npm start` does.
  console.log('Importing Planet Python (545 feeds) and refreshing them…');
  const options = await orrery.open('/options.html');
  await options.getByTestId('opml-file').setInputFiles(OPML);
  await options.getByTestId('import-report').filter({ hasText: /added/ }).waitFor({ timeout: 180_000 });
  const timeline = await orrery.open('/timeline.html');
  const since = Date.now();
  await timeline.getByTestId('refresh-all').click();
  await waitForRefresh(timeline, since, 600_000);
  // As in real use: a few posts read, one starred.
  await timeline.getByTestId('entry').first().waitFor();
  await timeline.getByTestId('entry').nth(2).getByTestId('toggle-read').click();
  await timeline.getByTestId('entry').nth(3).getByTestId('toggle-read').click();
  await timeline.getByTestId('entry').nth(1).getByTestId('toggle-star').click();
  await timeline.close();
  await options.close();

  const icon = readFileSync(path.join(ROOT, 'public', 'icon', '128.png'));
  for (const scheme of SCHEMES) {
    const t = await orrery.open('/timeline.html');
    await t.setViewportSize(SCREEN);
    await t.emulateMedia({ colorScheme: scheme });
    await t.getByTestId('entry').nth(5).waitFor();
    await expectScheme(t, scheme, 'the timeline');
    write(`timeline-${scheme}.png`, await t.screenshot());
    await t.close();

    // The popup as it opens over a blog that announces two feeds.
    const blog = await orrery.context.newPage();
    await blog.setViewportSize({ width: SCREEN.width, height: SCREEN.height - 48 });
    await blog.emulateMedia({ colorScheme: scheme });
    await blog.goto(BLOG);
    const worker = await orrery.worker();
    const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, BLOG);
    if (tabId < 0) throw new Error(`no tab found for ${BLOG}`);
    const popup = await orrery.open(`/popup.html?tabId=${tabId}`);
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.getByTestId('recent-entry').first().waitFor();
    await popup.getByTestId('detected-feed').nth(1).waitFor({ timeout: 30_000 });
    await expectScheme(popup, scheme, 'the popup');
    const popupHeight = Math.min(600, await popup.evaluate(() => document.documentElement.scrollHeight));
    const popupPng = await popup.screenshot();
    const pagePng = await blog.screenshot();
    await popup.close();
    await blog.close();
    const html = framedPopup({ scheme, page: pagePng, popup: popupPng, popupHeight, icon, address: BLOG.replace(/^http:\/\//, '') });
    write(`popup-${scheme}.png`, await render(orrery.context, html, SCREEN));
  }

  write('promo-tile.png', await render(orrery.context, promoTile({ icon, summary: 'Your own Planet: a polite feed reader in the toolbar.' }), { width: 440, height: 280 }));
  write('icon-128.png', iconPng(128, 16));
} finally {
  await orrery.close();
  await server.close();
}
console.log(`Store images in ${path.relative(ROOT, OUT)}/: ${written.join(', ')}`);

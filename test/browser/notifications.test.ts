/**
 * Desktop notifications end to end. The permission is optional and headless Chromium cannot
 * answer the browser's prompt, so this suite runs a copy of the build in which the reader has
 * already granted it (listed as required): turning the setting on still goes through the
 * browser's permission request, which then answers at once.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../server/fixture-server.mjs';
import type { Orrery } from './launch';
import { launchEditedBuild } from './launch-edited-build';
import { readFeed } from './subscribing-helpers';

let server: FixtureServer;
let orrery: Orrery;
let options: Page;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ server, orrery, close } = await launchEditedBuild('notify', (manifest) => {
    manifest.permissions.push('notifications');
    delete manifest.optional_permissions;
  }));
  options = await orrery.open('/options.html');
});

afterAll(async () => {
  await close?.();
});

const row = (url: string) => options.locator(`[data-testid="subscription"][data-feed-url="${url}"]`);

describe('notifications', () => {
  it('notifies about new posts of a feed with notifications on, once the setting is on', async () => {
    const url = 'http://news.example/feed.xml';
    let items = 1;
    const item = (i: number) => `<item><title>News ${i}</title><link>http://news.example/${i}</link><guid>news-${i}</guid><pubDate>${new Date(Date.UTC(2026, 5, 1, i)).toUTCString()}</pubDate></item>`;
    server.overrides.set(url, (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>${Array.from({ length: items }, (_, i) => item(i + 1)).join('')}</channel></rss>`);
    });
    await options.getByTestId('subscribe-url').fill(url);
    await options.getByTestId('subscribe-submit').click();
    await expect.poll(() => row(url).count(), { timeout: 20_000 }).toBe(1);
    await options.getByTestId('setting-notifications').check();
    await expect.poll(() => options.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { notifications?: boolean }).notifications)).toBe(true);
    expect(await options.getByTestId('notifications-permission').count()).toBe(0);
    await row(url).getByTestId('edit-subscription').click();
    await options.getByRole('form', { name: /Edit News/ }).getByTestId('edit-notify').check();
    await options.getByRole('form', { name: /Edit News/ }).getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await readFeed(options, url))?.notify).toBe(true);
    items = 3;
    const worker = await orrery.worker();
    await options.evaluate(() => chrome.runtime.sendMessage({ type: 'refresh-all' }));
    await expect
      .poll(async () => Object.keys(await worker.evaluate(() => chrome.notifications.getAll())), { timeout: 60_000 })
      .toEqual([expect.stringMatching(/^orrery-new:/)]);
    expect((await readFeed(options, url))?.posts).toBe(3);
  });
});

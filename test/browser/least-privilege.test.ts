/**
 * Least privilege, in real Chromium: the manifest asks for no `tabs` and no notifications at
 * install (Chrome's own install warnings, measured), the reader's browsing does not wake the
 * worker (its webRequest listeners see only its own fetches; no tab events), and notifications
 * are asked for when the reader turns them on, from that click.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../server/fixture-server.mjs';
import { closeAll, launchWithFixtures, type Orrery } from './launch';
import { watchWorkerWakes } from './worker-wakes';

let server: FixtureServer;
let orrery: Orrery;
let options: Page;

beforeAll(async () => {
  ({ server, orrery } = await launchWithFixtures());
  options = await orrery.open('/options.html');
});

afterAll(() => closeAll({ orrery, server }));

describe('what Orrery asks for at install', () => {
  it('asks for no tabs and no notifications; Chrome warns only about site access', async () => {
    const manifest = await options.evaluate(() => chrome.runtime.getManifest() as { permissions?: string[]; optional_permissions?: string[]; minimum_chrome_version?: string });
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.permissions).not.toContain('notifications');
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(Number(manifest.minimum_chrome_version)).toBeGreaterThanOrEqual(123);
    const warnings = await options.evaluate(async (m) => (chrome as unknown as { management: { getPermissionWarningsByManifest(m: string): Promise<string[]> } }).management.getPermissionWarningsByManifest(m), JSON.stringify(manifest));
    expect(warnings).toEqual(['Read and change all your data on all websites']);
  });
});

describe('the reader browsing', () => {
  it('50 redirects in an ordinary tab do not wake the worker', async () => {
    const N = 50;
    for (let i = 0; i < N; i++) server.overrides.set(`http://hops.example/r${i}`, (_req, res) => res.writeHead(302, { Location: `http://no-feed.example/?from=${i}` }).end());
    const tab = await orrery.context.newPage();
    await tab.goto('http://no-feed.example/');
    const wakes = await watchWorkerWakes(tab, orrery.extensionId);
    let woken = 0;
    for (let i = 0; i < N; i++) {
      if (wakes.starts() > woken) {
        // Counted: stop it again, so that every redirect that wakes it counts.
        woken = wakes.starts();
        await wakes.stop();
      } else if (i === 0) await wakes.stop();
      await tab.goto(`http://hops.example/r${i}`);
    }
    // A page with a feed wakes it (its content script reports): events arrive in order, so any
    // wake the redirects caused has been counted once this one is.
    const before = wakes.starts();
    await tab.goto('http://one-feed.example/');
    await wakes.waitForStarts(before + 1);
    expect(server.log.filter((r) => r.host === 'hops.example')).toHaveLength(N);
    expect(before).toBe(0);
    await wakes.detach();
    await tab.close();
  }, 400_000);

  it('a tab that goes to another page loses its feeds: the button resets, the popup lists none', async () => {
    const tab = await orrery.context.newPage();
    await tab.goto('http://one-feed.example/');
    const worker = await orrery.worker();
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ url: 'http://one-feed.example/*' }))[0]?.id ?? -1);
    const title = () => worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
    await expect.poll(title, { timeout: 10_000 }).toBe('Orrery: 1 feed on this page');
    await tab.goto('http://no-feed.example/');
    await expect.poll(title, { timeout: 10_000 }).toBe('Orrery');
    expect(await options.evaluate((id) => chrome.runtime.sendMessage({ type: 'get-tab-feeds', tabId: id }), tabId)).toEqual([]);
    await tab.close();
  });
});

describe('the content script', () => {
  it('is invisible to pages: no message, no event, while it reads and reports their feeds', async () => {
    const id = orrery.extensionId;
    server.overrides.set('http://watcher.example/', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><html><head><title>Watcher</title>
<script>
window.__seen = [];
addEventListener('message', (e) => window.__seen.push('message ' + JSON.stringify(e.data)), true);
for (const t of ['${id}:feed-detector:wxt:content-script-started', 'wxt:content-script-started']) document.addEventListener(t, (e) => window.__seen.push('event ' + e.type), true);
</script>
<link rel="alternate" type="application/rss+xml" href="/feed.xml" title="Watched"></head><body><p>Hello</p></body></html>`);
    });
    const tab = await orrery.context.newPage();
    await tab.goto('http://watcher.example/');
    const worker = await orrery.worker();
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ url: 'http://watcher.example/*' }))[0]?.id ?? -1);
    await expect.poll(() => worker.evaluate((i) => chrome.action.getTitle({ tabId: i }), tabId), { timeout: 10_000 }).toBe('Orrery: 1 feed on this page');
    expect(await tab.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
    await tab.close();
  });

  it('reads "RSS" anchors only when the popup asks', async () => {
    server.overrides.set('http://anchors-only.example/', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><title>Anchors</title><p><a href="/posts/1">A post</a> <a href="/rss.xml">RSS</a></p>`);
    });
    const tab = await orrery.context.newPage();
    await tab.goto('http://anchors-only.example/');
    const worker = await orrery.worker();
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ url: 'http://anchors-only.example/*' }))[0]?.id ?? -1);
    const popup = await orrery.open(`/popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.getByTestId('detected-feed').evaluateAll((els) => els.map((e) => e.getAttribute('data-feed-url')))).toEqual(['http://anchors-only.example/rss.xml']);
    expect(await worker.evaluate((i) => chrome.action.getTitle({ tabId: i }), tabId)).toBe('Orrery: 1 feed on this page');
    await Promise.all([popup.close(), tab.close()]);
  });
});

describe('notifications, an optional permission', () => {
  it('turning them on asks the browser from the click; refused, the setting stays off and says why', async () => {
    // The browser's prompt cannot be answered in headless Chromium: the page's request is
    // replaced by one that records the call (and whether a user gesture was active) and refuses.
    await options.evaluate(() => {
      const calls: { permissions?: string[]; gesture: boolean }[] = [];
      (window as unknown as { __asked: typeof calls }).__asked = calls;
      Object.defineProperty(chrome.permissions, 'request', {
        configurable: true,
        value: (p: { permissions?: string[] }) => {
          calls.push({ ...(p.permissions ? { permissions: p.permissions } : {}), gesture: navigator.userActivation.isActive });
          return Promise.resolve(false);
        },
      });
    });
    const box = options.getByTestId('setting-notifications');
    await box.click();
    await expect.poll(() => options.getByTestId('notifications-permission').getAttribute('data-state')).toBe('refused');
    expect(await options.getByTestId('notifications-permission').textContent()).toContain('did not allow');
    expect(await options.evaluate(() => (window as unknown as { __asked: unknown[] }).__asked)).toEqual([{ permissions: ['notifications'], gesture: true }]);
    expect(await box.isChecked()).toBe(false);
    expect(await options.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { notifications?: boolean } | undefined)?.notifications ?? false)).toBe(false);
  });

  it('on without the permission (revoked in the browser): the settings say so and offer to ask', async () => {
    const page = await orrery.open('/options.html');
    await page.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), notifications: true } });
    });
    await expect.poll(() => page.getByTestId('notifications-permission').getAttribute('data-state')).toBe('missing');
    await page.getByTestId('allow-notifications').waitFor();
    await page.close();
  });
});

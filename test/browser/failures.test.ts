/**
 * Failures the reader must see, in real Chromium: a feed that redirects in a loop, and a
 * disk that is full. The quota is shrunk with the DevTools protocol
 * (Storage.overrideQuotaForOrigin); Chromium ignores that override for an extension holding
 * `unlimitedStorage` (its quota is unlimited by policy: only a really full disk stops it,
 * with the same QuotaExceededError), so this suite loads a copy of the build without that
 * one permission.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Orrery } from './launch';
import { launchEditedBuild } from './launch-edited-build';
import { readStore, sendFromPage, waitForRefresh } from './helpers';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');
const LOOP = 'http://redirect-loop.example/feed.xml';

let orrery: Orrery;
let options: Page;
let cdp: CDPSession;
let close: (() => Promise<void>) | undefined;
let origin: string;

/** A few subscriptions that exist on the fixture server. */
function liveFeeds(n: number): string[] {
  const map = JSON.parse(readFileSync(path.join(FIXTURES, 'urlmap.json'), 'utf8')) as Record<string, string | null>;
  return Object.entries(map)
    .filter(([, file]) => file)
    .slice(0, n)
    .map(([url]) => url);
}

async function refresh(page: Page): Promise<void> {
  const since = Date.now();
  const reply = await sendFromPage<{ running?: boolean; error?: string }>(page, { type: 'refresh-all' });
  expect(reply.error, 'refresh-all replied with an error').toBeUndefined();
  await waitForRefresh(page, since, 120_000);
}

async function importOpml(urls: string[]): Promise<void> {
  const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>${urls.map((u) => `<outline type="rss" text="${u}" xmlUrl="${u}"/>`).join('')}</body></opml>`;
  await options.reload();
  await options.getByTestId('opml-file').setInputFiles({ name: 'feeds.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
  await options.getByTestId('import-report').waitFor();
}

function row(url: string) {
  return options.locator(`[data-testid="subscription"][data-feed-url="${url}"]`);
}

/** Whether a small write to another database of the extension's origin goes through now. */
function probeWrite(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('quota-probe', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('p');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const result = await new Promise<string>((resolve) => {
      const tx = db.transaction('p', 'readwrite');
      tx.objectStore('p').put(Date.now(), 1);
      tx.oncomplete = () => resolve('ok');
      tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
    });
    db.close();
    return result;
  });
}

/** Chromium trusts its last quota answer for up to 30 s: wait until writes see the new quota. */
async function waitForWrites(page: Page, want: 'ok' | 'QuotaExceededError'): Promise<void> {
  await expect.poll(() => probeWrite(page), { timeout: 90_000, interval: 1000 }).toBe(want);
}

beforeAll(async () => {
  ({ orrery, close } = await launchEditedBuild('limited', (manifest) => {
    manifest.permissions = manifest.permissions.filter((p) => p !== 'unlimitedStorage');
  }));
  origin = `chrome-extension://${orrery.extensionId}`;
  options = await orrery.open('/options.html');
  cdp = await orrery.context.newCDPSession(options);
});

afterAll(async () => {
  await close?.();
});

describe('a feed that redirects in a loop', () => {
  it('is reported as a redirect loop, with its addresses, in the options row and the popup', async () => {
    // Imported (an OPML list is not previewed), as a blog that starts looping after years of working would be.
    await importOpml([LOOP]);
    await refresh(options);
    const status = row(LOOP).getByTestId('subscription-status');
    await expect.poll(() => status.textContent()).toBe('Redirect loop');
    await expect
      .poll(() => row(LOOP).locator('.status-detail').textContent())
      .toContain(`Redirect loop: the server keeps redirecting (${LOOP} → http://redirect-loop.example/loop.xml → ${LOOP})`);
    const popup = await orrery.open('/popup.html');
    await expect.poll(() => popup.getByTestId('failing-feed').allTextContents()).toEqual([expect.stringContaining('Redirect loop: the server keeps redirecting')]);
    await popup.close();
    // Unsubscribed, so the storage test below sees only feeds that work.
    const feedId = await options.evaluate(async (url) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const q = indexedDB.open('orrery');
        q.onsuccess = () => resolve(q.result);
      });
      const id = await new Promise<string>((resolve) => {
        const q = db.transaction('feeds').objectStore('feeds').index('url').get(url);
        q.onsuccess = () => resolve((q.result as { id: string }).id);
      });
      db.close();
      return id;
    }, LOOP);
    expect((await sendFromPage<{ ok: boolean }>(options, { type: 'unsubscribe', feedId })).ok).toBe(true);
  });
});

describe('storage full', () => {
  const urls = liveFeeds(4);

  it('ends the refresh, says "Storage full" in the options rows and the popup, keeps every post, then recovers', async () => {
    await importOpml(urls);
    await refresh(options);
    const before = await readStore(options);
    expect(before.posts).toBeGreaterThan(0);

    const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin })) as { usage: number };
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: Math.floor(usage / 2) });
    await waitForWrites(options, 'QuotaExceededError');

    await refresh(options);
    for (const url of urls) {
      await expect.poll(() => row(url).getByTestId('subscription-status').textContent(), { timeout: 30_000 }).toBe('Storage full');
    }
    await expect.poll(() => row(urls[0]!).locator('.status-detail').textContent()).toMatch(/^Storage full: /);
    const popup = await orrery.open('/popup.html');
    await expect.poll(() => popup.getByTestId('storage-full').textContent()).toMatch(/Storage is full.*Free disk space, or keep fewer posts per feed in Settings/);
    await expect.poll(() => popup.getByTestId('failing-feed').count()).toBe(3);
    expect(await popup.getByTestId('failing-feed').first().textContent()).toContain('Storage full:');
    // Nothing stored was lost, and it is still readable where the reader reads it.
    const during = await readStore(options);
    expect(during.keys).toEqual(before.keys);
    expect(await popup.getByTestId('recent-entry').count()).toBeGreaterThan(0);
    // The worker is alive and answering.
    expect((await sendFromPage<{ running: boolean }>(options, { type: 'get-refresh-progress' })).running).toBe(false);

    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await waitForWrites(options, 'ok');
    await refresh(options);
    for (const url of urls) {
      await expect.poll(() => row(url).getByTestId('subscription-status').textContent(), { timeout: 30_000 }).toMatch(/^(OK|Not modified)$/);
    }
    await expect.poll(() => popup.getByTestId('storage-full').count()).toBe(0);
    await expect.poll(() => popup.getByTestId('failing-feed').count()).toBe(0);
    expect((await readStore(options)).keys).toEqual(before.keys);
  });
});

/**
 * The browser's own sync (storage.sync) in Chromium: the worker writes the subscription list
 * after a subscribe and an OPML import (Planet Python's 545 feeds, measured with Chromium's own
 * byte count against the quota), items written as another browser would are merged into the
 * subscriptions, a quota error is shown in the options page, and the switch turns it off.
 * Chromium keeps storage.sync locally without a signed-in account (with --disable-sync too),
 * quotas included, which is what this test relies on.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBytes, layoutDoc, QUOTA, readItems } from '../../lib/sync/browser-sync-codec';
import { sec } from '../../lib/sync/browser-sync-doc';
import { closeAll, launchWithFixtures, type OrreryWithServer } from './launch';
import { sendFromPage } from './helpers';

const PLANET = readFileSync(new URL('../fixtures/planet-python.opml', import.meta.url), 'utf8');
const FIRST = 'http://pythonbytes.example/feed.xml';

interface FeedRow {
  id: string;
  url: string;
  title: string;
  folder: string;
  overrideMinutes?: number;
}

function readFeeds(page: Page): Promise<FeedRow[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('orrery');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<FeedRow[]>((resolve, reject) => {
      const r = db.transaction('feeds').objectStore('feeds').getAll();
      r.onsuccess = () => resolve(r.result as FeedRow[]);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return rows.map((f) => ({ id: f.id, url: f.url, title: f.title, folder: f.folder, ...(f.overrideMinutes ? { overrideMinutes: f.overrideMinutes } : {}) }));
  });
}

const syncItems = (page: Page) => page.evaluate(() => chrome.storage.sync.get(null)) as Promise<Record<string, unknown>>;

describe('browser sync (storage.sync) in Chromium', () => {
  let o: OrreryWithServer;
  let options: Page;
  const status = () => options.getByTestId('browser-sync-status').textContent();
  const syncedUrls = async () => [...readItems(await syncItems(options)).doc.e.entries()].filter(([, e]) => e.a > (e.d ?? 0)).map(([u]) => u);

  beforeAll(async () => {
    o = await launchWithFixtures({ everyFeedExists: true });
    options = await o.orrery.open('/options.html');
  });
  afterAll(async () => closeAll(o));

  it('is on by default; a subscribe is written to storage.sync', async () => {
    await expect.poll(() => options.getByTestId('browser-sync-switch').isChecked()).toBe(true);
    expect(await syncItems(options)).toEqual({});
    const r = await sendFromPage<{ ok: boolean }>(options, { type: 'subscribe', url: FIRST, folder: 'Podcasts' });
    expect(r.ok).toBe(true);
    await expect.poll(syncedUrls, { timeout: 30_000 }).toEqual([FIRST]);
    expect(readItems(await syncItems(options)).doc.e.get(FIRST)).toMatchObject({ f: 'Podcasts' });
    await expect.poll(status).toContain("Last saved to the browser's sync");
  });

  it("an OPML import of Planet Python's 545 feeds (one of them subscribed above) is written, within Chromium's quota", async () => {
    const r = await sendFromPage<{ ok: boolean }>(options, { type: 'import-opml', text: PLANET });
    expect(r.ok).toBe(true);
    await expect.poll(async () => (await syncedUrls()).length, { timeout: 60_000 }).toBe(545);
    const items = await syncItems(options);
    const inUse = await options.evaluate(() => chrome.storage.sync.getBytesInUse(null));
    const ours = Object.entries(items).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
    console.log(`[browser-sync] 545 feeds: ${inUse} bytes in storage.sync by Chromium's count (${ours} by Orrery's), ${Object.keys(items).length} items`);
    expect(inUse).toBeLessThanOrEqual(QUOTA.total);
    expect(Math.max(...Object.entries(items).map(([k, v]) => itemBytes(k, v)))).toBeLessThanOrEqual(QUOTA.perItem);
    await expect.poll(status).toMatch(/545 feeds, [\d.]+ KB of the 100 KB/);
  });

  it('items another browser wrote are merged: an addition, a removal, a rename and a move arrive', async () => {
    const before = await readFeeds(options);
    const items = await syncItems(options);
    const { doc, parts } = readItems(items);
    const now = sec(Date.now());
    const [gone, renamed] = before.filter((f) => f.url !== FIRST).map((f) => f.url);
    doc.e.set('http://from-elsewhere.example/feed.xml', { a: now, t: 'Added elsewhere', tt: now, f: 'Elsewhere', ft: now, s: { i: 180 }, st: now });
    doc.e.set(gone!, { a: 0, d: now });
    doc.e.set(renamed!, { ...doc.e.get(renamed!)!, t: 'Renamed elsewhere', tt: now });
    doc.e.set(FIRST, { ...doc.e.get(FIRST)!, f: 'Audio', ft: now });
    const layout = layoutDoc(doc, parts);
    if (!layout.ok) throw new Error(layout.reason);
    // What the browser's sync does when another browser's items arrive: set them here.
    await options.evaluate((next) => chrome.storage.sync.set(next), layout.items);
    await expect
      .poll(async () => {
        const feeds = await readFeeds(options);
        const by = new Map(feeds.map((f) => [f.url, f]));
        return {
          added: by.get('http://from-elsewhere.example/feed.xml') && { title: by.get('http://from-elsewhere.example/feed.xml')!.title, folder: by.get('http://from-elsewhere.example/feed.xml')!.folder, every: by.get('http://from-elsewhere.example/feed.xml')!.overrideMinutes },
          gone: by.has(gone!),
          renamed: by.get(renamed!)?.title,
          moved: by.get(FIRST)?.folder,
        };
      }, { timeout: 30_000 })
      .toEqual({ added: { title: 'Added elsewhere', folder: 'Elsewhere', every: 180 }, gone: false, renamed: 'Renamed elsewhere', moved: 'Audio' });
    await expect.poll(status).toMatch(/From your other browsers: 1 added, 1 removed, 2 changed/);
  });

  it('a quota error is shown in the options page, and the list is written once there is room', async () => {
    // Fill storage.sync so that the next write does not fit.
    const inUse = await options.evaluate(() => chrome.storage.sync.getBytesInUse(null));
    const junk: Record<string, string> = {};
    // Leave 8 bytes: any change to the list needs more.
    let room = QUOTA.total - inUse - 8;
    for (let i = 0; room > 0; i++) {
      const key = `junk${i}`;
      const n = Math.min(8000, room - itemBytes(key, ''));
      junk[key] = 'x'.repeat(n);
      room -= itemBytes(key, junk[key]);
    }
    await options.evaluate((j) => chrome.storage.sync.set(j), junk);
    const r = await sendFromPage<{ ok: boolean }>(options, { type: 'subscribe', url: 'http://extra.example/gen/1/5.xml', folder: 'A folder with a long enough name to need more room' });
    expect(r.ok).toBe(true);
    await expect.poll(status, { timeout: 30_000 }).toMatch(/Not saved to the browser's sync: its storage is full \(.*quota exceeded\)/i);
    expect(await syncedUrls()).not.toContain('http://extra.example/gen/1/5.xml');
    await options.evaluate((keys) => chrome.storage.sync.remove(keys), Object.keys(junk));
    await sendFromPage(options, { type: 'update-feed', feedId: (await readFeeds(options)).find((f) => f.url === FIRST)!.id, changes: { title: 'Python Bytes' } });
    await expect.poll(syncedUrls, { timeout: 30_000 }).toContain('http://extra.example/gen/1/5.xml');
    await expect.poll(status).not.toMatch(/Not saved/);
  });

  it('the switch turns it off (the worker then leaves storage.sync alone: unit-tested) and on again', async () => {
    await options.getByTestId('browser-sync-switch').click();
    await expect.poll(status).toContain('Off:');
    await expect.poll(() => options.getByTestId('browser-sync-switch').isChecked()).toBe(false);
    const r = await sendFromPage<{ ok: boolean }>(options, { type: 'subscribe', url: 'http://more.example/gen/2/5.xml' });
    expect(r.ok).toBe(true);
    await options.getByTestId('browser-sync-switch').click();
    await expect.poll(() => options.getByTestId('browser-sync-switch').isChecked()).toBe(true);
    await expect.poll(syncedUrls, { timeout: 30_000 }).toContain('http://more.example/gen/2/5.xml');
  });
});

/**
 * A refresh's commits give way to pages reading their first screen: the batch under way is
 * aborted when a page starts reading and committed again after (lib/poll/commit-queue.ts).
 * With a read lease taken again and again through a whole first refresh, and pages opened
 * meanwhile, nothing is lost, nothing is stored twice, the counts are right and no feed is
 * told its save failed.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../server/fixture-server.mjs';
import { closeAll, launchWithFixtures, type Orrery } from './launch';
import { readStore, sendFromPage, waitForRefresh } from './helpers';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');

let server: FixtureServer;
let orrery: Orrery;
let page: Page;

beforeAll(async () => {
  ({ server, orrery } = await launchWithFixtures({ latency: [20, 80] }));
  page = await orrery.open('/options.html');
  await page.getByTestId('opml-file').setInputFiles(path.join(FIXTURES, 'planet-python.opml'));
  await page.getByTestId('import-report').waitFor();
});

afterAll(() => closeAll({ orrery, server }));

describe('commits giving way to pages that read', () => {
  it('lose nothing and store nothing twice through a first refresh with pages reading all along', async () => {
    // A page starting to read every 150 ms, each lease ended 100 ms later.
    await page.evaluate(() => {
      const ch = new BroadcastChannel('orrery-readers');
      let n = 0;
      const w = window as unknown as { __readers: ReturnType<typeof setInterval> };
      w.__readers = setInterval(() => {
        const id = `reader-${n++}`;
        ch.postMessage({ type: 'reading', id });
        setTimeout(() => ch.postMessage({ type: 'read', id }), 100);
      }, 150);
    });
    const since = Date.now();
    await sendFromPage(page, { type: 'refresh-all' });
    // Real pages too, opened and closed while it runs.
    for (let i = 0; i < 4; i++) {
      const other = await orrery.open(i % 2 ? '/popup.html' : '/timeline.html');
      await other.waitForTimeout(300);
      await other.close();
    }
    await waitForRefresh(page, since, 180_000);
    await page.evaluate(() => clearInterval((window as unknown as { __readers: ReturnType<typeof setInterval> }).__readers));
    const end = await readStore(page);
    expect(end.posts).toBe(104);
    expect(new Set(end.keys).size).toBe(end.keys.length);
    const { counted, statuses } = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('orrery');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const get = <T,>(store: string, fn: (s: IDBObjectStore) => IDBRequest) =>
        new Promise<T>((resolve) => {
          const r = fn(db.transaction(store).objectStore(store));
          r.onsuccess = () => resolve(r.result as T);
        });
      const counts = await get<{ total: number }>('meta', (s) => s.get('counts'));
      const feeds = await get<{ lastStatus?: string }[]>('feeds', (s) => s.getAll());
      db.close();
      return { counted: counts.total, statuses: [...new Set(feeds.map((f) => f.lastStatus ?? 'none'))].sort() };
    });
    // The maintained counts equal the stored unread posts; every feed was polled, none was told its save failed.
    expect(counted).toBe(end.unread);
    expect(statuses).not.toContain('none');
    expect(statuses).not.toContain('storage-error');
    expect(statuses).not.toContain('storage-full');
  });
});

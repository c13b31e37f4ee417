/**
 * A 545-feed refresh survives its service worker being stopped 20 times at random
 * moments: nothing committed is lost, nothing is stored twice, and the refresh completes.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../server/fixture-server.mjs';
import { closeAll, launchWithFixtures, type Orrery } from './launch';
import { readStore, sendFromPage, waitForRefresh, type StoreSnapshot } from './helpers';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');

/** A small seeded generator, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

let server: FixtureServer;
let orrery: Orrery;
let page: Page;

beforeAll(async () => {
  ({ server, orrery } = await launchWithFixtures({ latency: [50, 200] }));
  page = await orrery.open('/options.html');
  await page.getByTestId('opml-file').setInputFiles(path.join(FIXTURES, 'planet-python.opml'));
  await page.getByTestId('import-report').waitFor();
});

afterAll(() => closeAll({ orrery, server }));

describe('service worker stopped during a refresh', () => {
  it('loses nothing, duplicates nothing, and completes, across 20 stops', async () => {
    const seed = Number(process.env.KILL_SEED ?? 20261122);
    const random = seeded(seed);
    const since = Date.now();
    await sendFromPage(page, { type: 'refresh-all' });
    let previous: StoreSnapshot = await readStore(page);
    const growth: number[] = [];
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(150 + random() * 600);
      await orrery.stopWorker();
      // Any message wakes the worker, which resumes the refresh on its own.
      await sendFromPage(page, { type: 'get-refresh-progress' });
      const now = await readStore(page);
      const lost = previous.keys.filter((k) => !now.keys.includes(k));
      expect(lost, `stop ${i + 1} (seed ${seed}) lost posts`).toEqual([]);
      growth.push(now.posts);
      previous = now;
    }
    console.log(`posts stored after each of the 20 stops (seed ${seed}): ${growth.join(', ')}`);
    // The stops must have hit the refresh while it ran, or this proves nothing.
    expect(growth[0]).toBeLessThan(104);
    await waitForRefresh(page, since, 120_000);
    const end = await readStore(page);
    expect(end.posts, `posts after the refresh (seed ${seed}); growth ${growth.join(',')}`).toBe(104);
    expect(new Set(end.keys).size).toBe(end.keys.length);
    // Every feed was polled once the refresh completed: each has a status.
    const unpolled = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('orrery');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const feeds = await new Promise<{ lastStatus?: string; lastFetchAt?: number }[]>((resolve) => {
        const r = db.transaction('feeds').objectStore('feeds').getAll();
        r.onsuccess = () => resolve(r.result);
      });
      db.close();
      return feeds.filter((f) => !f.lastStatus).length;
    });
    expect(unpolled).toBe(0);
    // And the feeds that exist were fetched, those that don't answered 404.
    expect(server.log.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(39);
  });
});

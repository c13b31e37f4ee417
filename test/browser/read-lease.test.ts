/**
 * Pages opened during a refresh hold its commits while they read their first screen: each
 * page announces a read lease on the `orrery-readers` channel as it starts parsing and ends
 * it once its first screen is read (lib/poll/reader-gate.ts). A page that never ends its
 * lease does not stop a refresh: everything is stored and counted when it ends.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../server/fixture-server.mjs';
import { readStore, sendFromPage, waitForRefresh } from './helpers';
import { closeAll, launchWithFixtures, type Orrery } from './launch';
import { FIXTURE_FEED_URLS, subscribeToFixtures } from './subscribe-fixtures';


let server: FixtureServer;
let orrery: Orrery;
let listener: Page;

interface Lease {
  type: string;
  id: string;
}

beforeAll(async () => {
  ({ server, orrery } = await launchWithFixtures({ latency: [20, 60] }));
  const options = await orrery.open('/options.html');
  await subscribeToFixtures(options, 'lease.opml');
  listener = options;
  // Hears what every other page says on the channel, as the worker does.
  await listener.evaluate(() => {
    const w = window as unknown as { __leases: Lease[] };
    w.__leases = [];
    new BroadcastChannel('orrery-readers').onmessage = (e: MessageEvent<Lease>) => w.__leases.push(e.data);
  });
});

afterAll(() => closeAll({ orrery, server }));

const leases = () => listener.evaluate(() => (window as unknown as { __leases: Lease[] }).__leases);

/** The lease ids a page took and ended, among those heard since `from`. */
async function leaseOf(from: number): Promise<{ taken: string[]; ended: string[] }> {
  const heard = (await leases()).slice(from);
  return { taken: heard.filter((m) => m.type === 'reading').map((m) => m.id), ended: heard.filter((m) => m.type === 'read').map((m) => m.id) };
}

describe('read leases of pages opened during a refresh', () => {
  for (const [page, firstScreen] of [
    ['popup', 'recent-entry'],
    ['timeline', 'entry'],
  ] as const) {
    it(`the ${page} takes one as it starts and ends it once its first screen is read, while still open`, async () => {
      const from = (await leases()).length;
      const opened = await orrery.open(`/${page}.html`);
      await opened.getByTestId(firstScreen).first().waitFor();
      await expect.poll(async () => (await leaseOf(from)).ended.length, { timeout: 30_000 }).toBe(1);
      const { taken, ended } = await leaseOf(from);
      expect(taken).toHaveLength(1);
      expect(ended).toEqual(taken);
      await opened.close();
    });
  }

  it('the worker hears a tab start loading an Orrery page, with its address, before the page takes its own lease', async () => {
    // What lib/poll/opening-pages.ts relies on: no `tabs` permission, yet the address of the
    // extension's own page, in the 'loading' update, before public/open-early.js has run.
    const worker = await orrery.worker();
    await worker.evaluate(() => {
      const g = globalThis as unknown as { __loads: { at: number; url?: string }[] };
      g.__loads = [];
      chrome.tabs.onUpdated.addListener((_id, change, tab) => {
        if (change.status === 'loading') g.__loads.push({ at: performance.timeOrigin + performance.now(), url: change.url ?? tab.url });
      });
    });
    await listener.evaluate(() => {
      const w = window as unknown as { __leaseAt: number[] };
      w.__leaseAt = [];
      new BroadcastChannel('orrery-readers').onmessage = (e: MessageEvent<Lease>) => {
        if (e.data.type === 'reading') w.__leaseAt.push(performance.timeOrigin + performance.now());
      };
    });
    const opened = await orrery.open('/timeline.html#feed=x');
    await expect.poll(() => listener.evaluate(() => (window as unknown as { __leaseAt: number[] }).__leaseAt.length), { timeout: 30_000 }).toBe(1);
    const loads = (await worker.evaluate(() => (globalThis as unknown as { __loads: { at: number; url?: string }[] }).__loads)).filter((l) =>
      l.url?.startsWith(`chrome-extension://${orrery.extensionId}/timeline.html`),
    );
    const [leaseAt] = await listener.evaluate(() => (window as unknown as { __leaseAt: number[] }).__leaseAt);
    expect(loads).toHaveLength(1);
    expect(loads[0]!.url).toBe(`chrome-extension://${orrery.extensionId}/timeline.html#feed=x`);
    expect(loads[0]!.at).toBeLessThan(leaseAt!);
    await opened.close();
  });

  it('a page closed before it read ends its lease; one that never ends it does not stop a refresh', async () => {
    // A lease taken and renewed by hand, never ended, for the whole refresh.
    await listener.evaluate(() => {
      const ch = new BroadcastChannel('orrery-readers');
      const w = window as unknown as { __hog: ReturnType<typeof setInterval> };
      ch.postMessage({ type: 'reading', id: 'hog' });
      w.__hog = setInterval(() => ch.postMessage({ type: 'reading', id: 'hog' }), 300);
    });
    const since = Date.now();
    await sendFromPage(listener, { type: 'refresh-all' });
    await waitForRefresh(listener, since, 180_000);
    await listener.evaluate(() => clearInterval((window as unknown as { __hog: ReturnType<typeof setInterval> }).__hog));
    const store = await readStore(listener);
    expect(store.feeds).toBe(FIXTURE_FEED_URLS.length);
    expect(store.posts).toBeGreaterThan(0);
    // The maintained counts equal the stored unread posts.
    const counted = await listener.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const req = indexedDB.open('orrery');
          req.onsuccess = () => {
            const get = req.result.transaction('meta').objectStore('meta').get('counts');
            get.onsuccess = () => {
              resolve((get.result as { total: number }).total);
              req.result.close();
            };
          };
        }),
    );
    expect(counted).toBe(store.unread);

    // Closed at once: its lease ends as the page goes away.
    const from = (await leases()).length;
    const popup = await orrery.open('/popup.html');
    await popup.close();
    await expect.poll(async () => (await leaseOf(from)).ended.length, { timeout: 30_000 }).toBe(1);
    const { taken, ended } = await leaseOf(from);
    expect(ended).toEqual(taken);
  });
});

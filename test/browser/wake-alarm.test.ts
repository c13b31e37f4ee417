/**
 * When the worker wakes: one alarm at the next due feed (not a tick every minute), moved by
 * every change that can move it, read from the real worker's chrome.alarms.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../server/fixture-server.mjs';
import { closeAll, launchWithFixtures, type Orrery } from './launch';
import { sendFromPage, waitForRefresh } from './helpers';

let server: FixtureServer;
let orrery: Orrery;
let page: Page;

const BYTES = 'http://pythonbytes.example/feed.xml';
const REAL = 'http://real-python.example/feed.xml';

interface Alarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

/** The worker's polling alarms (the Planet sync alarm is another matter). */
async function pollAlarms(): Promise<Alarm[]> {
  const worker: Worker = await orrery.worker();
  const all = (await worker.evaluate(() => chrome.alarms.getAll())) as Alarm[];
  return all.filter((a) => a.name === 'poll');
}

/** Every stored feed's id, URL and next check, read in the worker. */
async function feeds(): Promise<{ id: string; url: string; nextCheckAt: number; lastFetchAt?: number }[]> {
  const worker = await orrery.worker();
  return worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('orrery');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<{ id: string; url: string; nextCheckAt: number; lastFetchAt?: number }[]>((resolve, reject) => {
      const r = db.transaction('feeds').objectStore('feeds').getAll();
      r.onsuccess = () => resolve(r.result as { id: string; url: string; nextCheckAt: number; lastFetchAt?: number }[]);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return all.map((f) => ({ id: f.id, url: f.url, nextCheckAt: f.nextCheckAt, lastFetchAt: f.lastFetchAt }));
  });
}

const earliest = async () => Math.min(...(await feeds()).map((f) => f.nextCheckAt));
const feedId = async (url: string) => (await feeds()).find((f) => f.url === url)?.id;

/** Waits until the one polling alarm is set to `when`, with the hourly safety net as its period. */
async function expectAlarmAt(when: number): Promise<void> {
  await expect.poll(async () => (await pollAlarms()).map((a) => [a.scheduledTime, a.periodInMinutes]), { timeout: 15_000 }).toEqual([[when, 60]]);
}

beforeAll(async () => {
  ({ server, orrery } = await launchWithFixtures());
  page = await orrery.open('/options.html');
});

afterAll(() => closeAll({ orrery, server }));

describe('the wake alarm', () => {
  it('with no subscription, no polling alarm at all', async () => {
    await expect.poll(pollAlarms, { timeout: 15_000 }).toEqual([]);
  });

  it('subscribing sets it to the feed’s next check; a feed due sooner moves it earlier', async () => {
    // Previewed first, confirmed last: its schedule counts from the preview's fetch, the earlier one.
    const preview = await sendFromPage<{ kind: string; preview: { token: string } }>(page, { type: 'preview-feed', url: REAL });
    expect(preview.kind).toBe('feed');
    await page.waitForTimeout(1_100);
    expect(await sendFromPage<{ ok: boolean }>(page, { type: 'subscribe', url: BYTES })).toMatchObject({ ok: true });
    const bytesDue = (await feeds()).find((f) => f.url === BYTES)!.nextCheckAt;
    expect(bytesDue).toBeGreaterThan(Date.now() + 60 * 60_000);
    await expectAlarmAt(bytesDue);

    expect(await sendFromPage<{ ok: boolean }>(page, { type: 'confirm-subscribe', url: REAL, token: preview.preview.token })).toMatchObject({ ok: true });
    const realDue = (await feeds()).find((f) => f.url === REAL)!.nextCheckAt;
    expect(realDue).toBeLessThan(bytesDue);
    await expectAlarmAt(realDue);
  });

  it('after a refresh: one alarm at the next due time, not a one-minute period', async () => {
    const since = Date.now();
    await sendFromPage(page, { type: 'refresh-all' });
    await waitForRefresh(page, since);
    const due = await earliest();
    expect(due).toBeGreaterThan(since + 60 * 60_000);
    await expectAlarmAt(due);
  });

  it('a lower longest interval in the options brings every feed in to it at once, and the alarm with them; a higher shortest one puts them off', async () => {
    const HOUR = 60 * 60_000;
    const before = await feeds();
    expect(before.every((f) => f.lastFetchAt !== undefined && f.nextCheckAt > f.lastFetchAt + HOUR)).toBe(true);
    await page.getByTestId('setting-max-interval').selectOption('60');
    // Each feed is due an hour after its last check (the fixtures set no skipHours), the alarm at the first.
    await expect.poll(async () => (await feeds()).map((f) => f.nextCheckAt - f.lastFetchAt!), { timeout: 15_000 }).toEqual(before.map(() => HOUR));
    await expectAlarmAt(await earliest());
    await page.getByTestId('setting-min-interval').selectOption('180');
    await expect.poll(async () => (await feeds()).map((f) => f.nextCheckAt - f.lastFetchAt!), { timeout: 15_000 }).toEqual(before.map(() => 3 * HOUR));
    await expectAlarmAt(await earliest());
    // Back to the defaults for what follows (a lower shortest and a higher longest interval move nothing: unit-tested).
    await page.getByTestId('setting-min-interval').selectOption('60');
    await page.getByTestId('setting-max-interval').selectOption('1440');
    const worker = await orrery.worker();
    await expect
      .poll(() => worker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { maxIntervalMinutes?: number } | undefined)?.maxIntervalMinutes), { timeout: 15_000 })
      .toBe(1440);
  });

  it('a shorter interval for a feed moves it; unsubscribing moves it back, the last one clears it', async () => {
    const bytes = (await feedId(BYTES))!;
    expect(await sendFromPage<{ ok: boolean }>(page, { type: 'update-feed', feedId: bytes, changes: { overrideMinutes: 30 } })).toMatchObject({ ok: true });
    const soon = (await feeds()).find((f) => f.url === BYTES)!.nextCheckAt;
    expect(soon).toBeLessThan(Date.now() + 31 * 60_000);
    await expectAlarmAt(soon);
    expect(await sendFromPage<{ ok: boolean }>(page, { type: 'unsubscribe', feedId: bytes })).toMatchObject({ ok: true });
    await expectAlarmAt(await earliest());
    expect(await sendFromPage<{ ok: boolean }>(page, { type: 'unsubscribe', feedId: (await feedId(REAL))! })).toMatchObject({ ok: true });
    await expect.poll(pollAlarms, { timeout: 15_000 }).toEqual([]);
  });
});

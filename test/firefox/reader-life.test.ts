/**
 * A reader's day in Firefox, with what the Chromium suite proves there: the background wakes
 * for the next due feed (one alarm, never a one-minute tick), the interval options move feeds
 * already scheduled, and the timeline is driven from the keyboard (j/k, m, s, x, o, Shift+A, /,
 * ?), and the options page's Planet export row laid out with room. Firefox's background is an event page, its alarms and keyboard events its own.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server.mjs';
import { exportRowBoxes, exportRowProblems } from '../browser/export-row-layout';
import { firefoxMissing, launchFirefox, orreryErrors, type FirefoxOrrery } from './firefox';
import { send, tid, waitForRefresh } from './page-helpers';

const missing = firefoxMissing();
if (missing) console.warn(`Firefox suite skipped: ${missing}`);

const FEEDS = ['http://pythonbytes.example/feed.xml', 'http://real-python.example/feed.xml', 'http://ned-batchelder.example/atom.xml'];
const HOUR = 60 * 60_000;

let server: FixtureServer;
let ff: FirefoxOrrery;
let options: Page;

interface Alarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}
interface FeedTimes {
  url: string;
  nextCheckAt: number;
  lastFetchAt?: number;
}

/** The polling alarms, as the extension's own pages see them. */
const pollAlarms = async (): Promise<[number, number | undefined][]> =>
  ((await options.evaluate(() => chrome.alarms.getAll())) as Alarm[]).filter((a) => a.name === 'poll').map((a) => [a.scheduledTime, a.periodInMinutes]);

/** Every stored feed's URL and schedule, read from IndexedDB. */
const feeds = (): Promise<FeedTimes[]> =>
  options.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('orrery');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<FeedTimes[]>((resolve, reject) => {
      const r = db.transaction('feeds').objectStore('feeds').getAll();
      r.onsuccess = () => resolve(r.result as FeedTimes[]);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return all.map((f) => ({ url: f.url, nextCheckAt: f.nextCheckAt, lastFetchAt: f.lastFetchAt }));
  });
const earliest = async () => Math.min(...(await feeds()).map((f) => f.nextCheckAt));

/** The entries in the DOM, in order. */
const entries = (page: Page) =>
  page.$$eval(tid('entry'), (els) =>
    els.map((el) => ({
      read: (el as HTMLElement).dataset.read === 'true',
      starred: (el as HTMLElement).dataset.starred === 'true',
      focused: el === document.activeElement,
      current: el.classList.contains('current'),
      expanded: el.querySelector('[data-testid="entry-content"]') !== null,
      href: el.querySelector('[data-testid="entry-title"]')?.getAttribute('href') ?? '',
    })),
  );
const focusedIndex = async (page: Page) => (await entries(page)).findIndex((e) => e.focused);

describe.skipIf(missing)('a reader’s day in Firefox', () => {
  beforeAll(async () => {
    server = await startFixtureServer();
    ff = await launchFirefox({ serverPort: server.port });
    options = await ff.open('/options.html');
  });

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('wakes for the next due feed: no alarm without feeds, then one at the earliest check, an hourly safety net its period', async () => {
    await expect.poll(pollAlarms, { timeout: 15_000 }).toEqual([]);
    for (const url of FEEDS) expect(await send<{ ok: boolean }>(options, { type: 'subscribe', url })).toMatchObject({ ok: true });
    const since = Date.now();
    await send(options, { type: 'refresh-all' });
    await waitForRefresh(options, since);
    const due = await earliest();
    expect(due).toBeGreaterThan(since + HOUR);
    await expect.poll(pollAlarms, { timeout: 15_000 }).toEqual([[due, 60]]);
  });

  it('a lower longest interval brings every feed in to it, and the alarm with them; a higher shortest one puts them off', async () => {
    const before = await feeds();
    expect(before).toHaveLength(FEEDS.length);
    expect(before.every((f) => f.lastFetchAt !== undefined && f.nextCheckAt > f.lastFetchAt + HOUR)).toBe(true);
    await options.select(tid('setting-max-interval'), '60');
    await expect.poll(async () => (await feeds()).map((f) => f.nextCheckAt - f.lastFetchAt!), { timeout: 15_000 }).toEqual(before.map(() => HOUR));
    await expect.poll(pollAlarms, { timeout: 15_000 }).toEqual([[await earliest(), 60]]);
    await options.select(tid('setting-min-interval'), '180');
    await expect.poll(async () => (await feeds()).map((f) => f.nextCheckAt - f.lastFetchAt!), { timeout: 15_000 }).toEqual(before.map(() => 3 * HOUR));
    await expect.poll(pollAlarms, { timeout: 15_000 }).toEqual([[await earliest(), 60]]);
  });

  it('drives the timeline from the keyboard: j/k, m, s, x, o, Shift+A, / and ?', async () => {
    const page = await ff.open('/timeline.html');
    await page.waitForSelector(tid('entry'), { timeout: 60_000 });
    await (await page.waitForSelector(tid('view-titles')))!.click();
    await page.waitForFunction(() => document.querySelector('[role="feed"]')?.getAttribute('aria-busy') === 'false', { timeout: 30_000 });
    await page.mouse.click(5, 300);
    await page.keyboard.press('j');
    await expect.poll(() => focusedIndex(page)).toBe(0);
    await page.keyboard.press('j');
    await expect.poll(() => focusedIndex(page)).toBe(1);
    await page.keyboard.press('j');
    await expect.poll(async () => (await entries(page))[2]).toMatchObject({ focused: true, current: true });
    await page.keyboard.press('k');
    await expect.poll(() => focusedIndex(page)).toBe(1);
    // In titles view moving does not read; m does, and m again undoes it.
    expect((await entries(page))[1]?.read).toBe(false);
    await page.keyboard.press('m');
    await expect.poll(async () => (await entries(page))[1]?.read).toBe(true);
    await page.keyboard.press('m');
    await expect.poll(async () => (await entries(page))[1]?.read).toBe(false);
    await page.keyboard.press('s');
    await expect.poll(async () => (await entries(page))[1]?.starred).toBe(true);
    // x expands the post (and reads it).
    await page.keyboard.press('x');
    await expect.poll(async () => (await entries(page))[1]).toMatchObject({ expanded: true, read: true });
    // o opens the next post in a tab of its own and reads it.
    await page.keyboard.press('j');
    await expect.poll(() => focusedIndex(page)).toBe(2);
    const href = (await entries(page))[2]!.href;
    expect(href).toMatch(/^https?:/);
    await page.keyboard.press('o');
    await expect.poll(async () => (await page.evaluate((u) => chrome.tabs.query({ url: u }), href)).length).toBe(1);
    await expect.poll(async () => (await entries(page))[2]?.read).toBe(true);
    await page.bringToFront();
    // Shift+A: everything above the current post read, nothing below.
    await page.keyboard.press('j');
    await expect.poll(() => focusedIndex(page)).toBe(3);
    await page.keyboard.down('Shift');
    await page.keyboard.press('A');
    await page.keyboard.up('Shift');
    await expect.poll(async () => (await entries(page)).slice(0, 3).every((e) => e.read)).toBe(true);
    expect((await entries(page))[3]?.read).toBe(false);
    // / goes to the search box; keys typed there stay there.
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await page.keyboard.type('jk');
    expect(await page.$eval(tid('search-input'), (el) => (el as HTMLInputElement).value)).toBe('jk');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    // ? lists the shortcuts in a dialog; Escape closes it.
    await page.keyboard.press('?');
    await expect.poll(() => page.$eval(tid('shortcuts-dialog'), (d) => (d as HTMLDialogElement).open)).toBe(true);
    const rows = await page.$$eval(`${tid('shortcuts-dialog')} tbody tr`, (trs) => trs.map((tr) => tr.textContent ?? ''));
    for (const key of ['j', 'k', 'o', 'Enter', 'm', 's', 'r', '/', '?']) expect(rows.some((r) => r.includes(key))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.$eval(tid('shortcuts-dialog'), (d) => (d as HTMLDialogElement).open)).toBe(false);
    await page.close();
  });

  it('lays the options page’s Planet export row out with room: no label runs into another field', async () => {
    await options.bringToFront();
    const boxes = await options.evaluate(exportRowBoxes);
    expect(boxes.length).toBe(4);
    expect(exportRowProblems(boxes)).toEqual([]);
    if (process.env.ORRERY_SHOT_DIR) {
      const row = await options.$('form.planet-export');
      await row?.screenshot({ path: `${process.env.ORRERY_SHOT_DIR}/firefox-planet-export.png` });
    }
  });

  it('logged no error of Orrery on the way', () => {
    expect(orreryErrors(ff.logs)).toEqual([]);
  });
});

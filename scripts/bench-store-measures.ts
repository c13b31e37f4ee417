// The page measures `bench:ingest` takes on a store (product-written or seeded): popup and
// timeline first screens, longest tasks while scrolling and switching views, the first screen
// while a refresh stores more, and the IndexedDB floor under ingest. See bench-ingest.ts.
import type { Page } from 'playwright-core';
import type { Orrery } from '../test/browser/launch';
import { sendFromPage, waitForRefresh } from '../test/browser/helpers';
import { scrollThrough as scrollRiver, switchThenTop, type Scroll } from './bench-scroll';

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Opens `pathname` in a new tab; the time of `mark` from navigation start. */
export async function timeToMark(orrery: Orrery, pathname: string, mark: string): Promise<number> {
  const page = await orrery.context.newPage();
  await page.goto(`chrome-extension://${orrery.extensionId}${pathname}`);
  const t = (await page.waitForFunction((m) => performance.getEntriesByName(m)[0]?.startTime, mark, { timeout: 120_000 })).jsonValue();
  const ms = (await t) as number;
  await page.close();
  return ms;
}

export async function medianMark(orrery: Orrery, pathname: string, mark: string, runs: number): Promise<number> {
  await timeToMark(orrery, pathname, mark); // warm the browser's caches once
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) ts.push(await timeToMark(orrery, pathname, mark));
  return median(ts);
}

/** The maintained number of stored posts (one record, as the timeline reads it). */
export async function storedPosts(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('orrery');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const v = await new Promise<{ posts?: number } | undefined>((resolve, reject) => {
      const r = db.transaction('meta').objectStore('meta').get('counts');
      r.onsuccess = () => resolve(r.result as { posts?: number } | undefined);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return v?.posts ?? 0;
  });
}

/**
 * The floor under ingest: the same stored posts (records read back from Orrery's database)
 * written again by bare IndexedDB puts into a scratch database with no index, 100 per
 * transaction, in the same browser. No fetch, no parse, no ledger: what the browser's
 * IndexedDB itself takes to accept posts of this size on this machine.
 */
export async function idbFloor(page: Page, n: number): Promise<{ posts: number; ms: number }> {
  await page.evaluate('globalThis.__name = (f) => f'); // tsx names inner arrow functions with a helper the page lacks
  return page.evaluate(async (count) => {
    const done = <T,>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const orrery = await done(indexedDB.open('orrery'));
    const posts = (await done(orrery.transaction('posts').objectStore('posts').getAll(undefined, count))) as { id: string }[];
    orrery.close();
    await done(indexedDB.deleteDatabase('orrery-floor'));
    const open = indexedDB.open('orrery-floor', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('posts', { keyPath: ['feedId', 'id'] });
    const db = await done(open);
    const t0 = performance.now();
    for (let i = 0; i < posts.length; i += 100) {
      const tx = db.transaction('posts', 'readwrite', { durability: 'relaxed' });
      for (const p of posts.slice(i, i + 100)) tx.objectStore('posts').put({ ...p, id: `floor:${p.id}` });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    const ms = performance.now() - t0;
    db.close();
    await done(indexedDB.deleteDatabase('orrery-floor'));
    return { posts: posts.length, ms };
  }, n);
}

/** The measures both stores get (NaN where a row was not asked for, see BENCH_ROWS). */
export interface Measures {
  popup: number;
  first: number;
  titles: Scroll;
  /** Deep in the river after the titles: the full view, then back to the top. */
  jump: Scroll;
  /** The full view from the top of a page opened in it. */
  full: Scroll;
}

/** What measureStore does: which rows, medians of how many runs, how far to scroll. */
export interface MeasureOptions {
  rows: ReadonlySet<string>;
  runs: number;
  titles: number;
  full: number;
}

export const notMeasured: Scroll = { longest: NaN, tasks: NaN, seconds: NaN, reached: 0 };

/** The measures both stores get: popup, first screen (idle), scrolling in both views. */
export async function measureStore(orrery: Orrery, o: MeasureOptions): Promise<Measures> {
  const m: Measures = { popup: NaN, first: NaN, titles: notMeasured, jump: notMeasured, full: notMeasured };
  if (o.rows.has('popup')) m.popup = await medianMark(orrery, '/popup.html', 'orrery:counts', o.runs);
  if (o.rows.has('first')) m.first = await medianMark(orrery, '/timeline.html', 'orrery:first-posts', o.runs);
  // A renderer lost mid-scroll (seen once on the loaded machine) costs that figure, not the run.
  const failed = (what: string) => (e: unknown) => (console.error(`${what} failed:`, e), notMeasured);
  if (o.rows.has('titles') || o.rows.has('jump')) {
    const page = await orrery.open('/timeline.html');
    await page.getByTestId('entry').first().waitFor({ timeout: 120_000 });
    // The jump starts deep in the river: the titles scroll takes it there.
    m.titles = await scrollRiver(page, 'titles', o.titles, 120000).catch(failed('scroll (titles)'));
    if (o.rows.has('jump') && !page.isClosed()) m.jump = await switchThenTop(page, 'full', 120000).catch(failed('switch (full)'));
    if (!page.isClosed()) await page.close();
  }
  if (o.rows.has('full')) {
    // A page opened in the full view (scrollThrough saves the view), scrolled from the top.
    const fresh = await orrery.open('/timeline.html');
    await fresh.getByTestId('entry').first().waitFor({ timeout: 120_000 });
    m.full = await scrollRiver(fresh, 'full', o.full, 120000).catch(failed('scroll (full)'));
    if (!fresh.isClosed()) await fresh.close();
  }
  return m;
}

/**
 * The first screen while a refresh stores the next step (each feed's newest posts; retention
 * drops as many old ones), timed repeatedly until the refresh ends or `runs` were taken; the
 * refresh is then waited for.
 */
export async function duringRefresh(orrery: Orrery, control: () => Promise<Page>, runs: number): Promise<number[]> {
  const since = Date.now();
  await sendFromPage(await control(), { type: 'refresh-all' });
  const during: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const p = await sendFromPage<{ running: boolean }>(await control(), { type: 'get-refresh-progress' });
    if (!p.running && i > 0) break;
    const t = await timeToMark(orrery, '/timeline.html', 'orrery:first-posts');
    if (i > 0) during.push(t); // the first opening warms the page's caches, as in medianMark
  }
  await waitForRefresh(await control(), since, 900_000);
  return during;
}

const ms = (n: number) => (Number.isNaN(n) ? '—' : `${n.toFixed(0)} ms`);
const ratio = (a: number, b: number) => (b > 0 && !Number.isNaN(a) ? `${(a / b).toFixed(2)}` : '—');
const scroll = (x: Scroll) => (Number.isNaN(x.longest) ? '—' : `${ms(x.longest)} (${x.tasks} > 50 ms, ${x.reached} posts, ${x.seconds.toFixed(0)} s)`);

/** The table of one build's measures, product store beside the seeded one (if measured). */
export function storeTable(stored: number, product: Measures, during: number[], seeded: Measures | undefined): string {
  const s = seeded ?? { popup: NaN, first: NaN, titles: notMeasured, jump: notMeasured, full: notMeasured };
  return [
    `| measure, ${stored.toLocaleString('en-US')} posts | written by the product | seeded | product / seeded |`,
    '|---|---:|---:|---:|',
    `| Timeline first screen, idle | ${ms(product.first)} | ${ms(s.first)} | ${ratio(product.first, s.first)} |`,
    `| Timeline first screen, during a refresh (${during.length} runs) | ${ms(median(during))} | — | ${ratio(median(during), s.first)} |`,
    `| Popup counts painted | ${ms(product.popup)} | ${ms(s.popup)} | ${ratio(product.popup, s.popup)} |`,
    `| Longest task scrolling, titles | ${scroll(product.titles)} | ${scroll(s.titles)} | ${ratio(product.titles.longest, s.titles.longest)} |`,
    `| Longest task scrolling, full | ${scroll(product.full)} | ${scroll(s.full)} | ${ratio(product.full.longest, s.full.longest)} |`,
    `| Longest task, titles -> full view deep in the river, then the top | ${scroll(product.jump)} | ${scroll(s.jump)} | ${ratio(product.jump.longest, s.jump.longest)} |`,
  ].join('\n');
}

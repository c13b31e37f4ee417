// `npm run bench:ingest`: a store of 100,000 posts written THROUGH THE PRODUCT (200 generated
// feeds refreshed by the real worker until each has 500 posts), then the timeline and the
// popup measured on it, side by side with the same measures on a store of the same size
// seeded straight into IndexedDB (as `npm run bench:ui` seeds it), in one run.
//
//   ingest                 posts stored / wall time of "refresh now" (driven from the popup)
//   first screen           navigation start -> "orrery:first-posts" (median), idle and while
//                          a refresh stores new posts (product store only: it has real feeds)
//   popup                  navigation start -> "orrery:counts" (median)
//   longest task           PerformanceObserver('longtask') while scrolling N posts (titles, then
//                          a page opened in the full view), and while switching to the full
//                          view deep in the river and going back to the top
//
// ORRERY_BENCH_POSTS (default 100000, a multiple of 200) sizes the store; BENCH_RUNS (5) the
// medians; BENCH_PROFILE=1 prints the worker's hottest functions for each refresh step;
// ORRERY_BENCH_FOLDERS=<n> puts the feeds in n folders (default 0: no folder).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../test/server/fixture-server.mjs';
import { genPath, warmGen } from '../test/server/gen-feed.mjs';
import type { Orrery } from '../test/browser/launch';
import { sendFromPage, waitForRefresh } from '../test/browser/helpers';
import { seedPosts } from '../test/browser/river-seed';
import { attachToWorker, startWorkerCpu } from '../test/browser/worker-cdp';
import { scrollThrough as scrollRiver, switchThenTop, type Scroll } from './bench-scroll';

const ROOT = path.resolve(import.meta.dirname, '..');
process.env.ORRERY_OUT ??= '.output-ingest-bench';
// Imported after ORRERY_OUT is set: launch.ts reads it when it loads.
const { launchOrrery } = await import('../test/browser/launch');
const FEEDS = 200;
const TOTAL = Number(process.env.ORRERY_BENCH_POSTS ?? 100_000);
const PER_FEED = Math.max(1, Math.round(TOTAL / FEEDS));
/** New posts per feed per refresh: a feed document carries this many (Planet-sized feeds carry 10-100). */
const PER_STEP = Math.min(Number(process.env.ORRERY_BENCH_STEP ?? 100), PER_FEED);
const STEPS = Math.ceil(PER_FEED / PER_STEP);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SCROLL_TITLES = Math.min(3_000, TOTAL);
const SCROLL_FULL = Math.min(1_000, TOTAL);

if (process.env.ORRERY_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: process.env });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Opens `pathname` in a new tab; the time of `mark` from navigation start. */
async function timeToMark(orrery: Orrery, pathname: string, mark: string): Promise<number> {
  const page = await orrery.context.newPage();
  await page.goto(`chrome-extension://${orrery.extensionId}${pathname}`);
  const t = (await page.waitForFunction((m) => performance.getEntriesByName(m)[0]?.startTime, mark, { timeout: 120_000 })).jsonValue();
  const ms = (await t) as number;
  await page.close();
  return ms;
}

async function medianMark(orrery: Orrery, pathname: string, mark: string, runs = RUNS): Promise<number> {
  await timeToMark(orrery, pathname, mark); // warm the browser's caches once
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) ts.push(await timeToMark(orrery, pathname, mark));
  return median(ts);
}



/** The maintained number of stored posts (one record, as the timeline reads it). */
async function storedPosts(page: Page): Promise<number> {
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
async function idbFloor(page: Page, n: number): Promise<{ posts: number; ms: number }> {
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

interface Measures {
  popup: number;
  first: number;
  titles: Scroll;
  /** Deep in the river after the titles: the full view, then back to the top. */
  jump: Scroll;
  /** The full view from the top of a page opened in it. */
  full: Scroll;
}

/** The measures both stores get: popup, first screen (idle), scrolling in both views. */
async function measureStore(orrery: Orrery): Promise<Measures> {
  const popup = await medianMark(orrery, '/popup.html', 'orrery:counts');
  const first = await medianMark(orrery, '/timeline.html', 'orrery:first-posts');
  const page = await orrery.open('/timeline.html');
  await page.getByTestId('entry').first().waitFor({ timeout: 120_000 });
  // A renderer lost mid-scroll (seen once on the loaded machine) costs that figure, not the run.
  const failed: Scroll = { longest: NaN, tasks: NaN, seconds: NaN, reached: 0 };
  const titles = await scrollRiver(page, 'titles', SCROLL_TITLES, 120000).catch((e: unknown) => (console.error('scroll (titles) failed:', e), failed));
  if (page.isClosed()) return { popup, first, titles, jump: failed, full: failed };
  const jump = await switchThenTop(page, 'full', 120000).catch((e: unknown) => (console.error('switch (full) failed:', e), failed));
  if (page.isClosed()) return { popup, first, titles, jump, full: failed };
  await page.close();
  // A page opened in the full view (the switch saved it), scrolled from the top.
  const fresh = await orrery.open('/timeline.html');
  await fresh.getByTestId('entry').first().waitFor({ timeout: 120_000 });
  const full = await scrollRiver(fresh, 'full', SCROLL_FULL, 120000).catch((e: unknown) => (console.error('scroll (full) failed:', e), failed));
  if (!fresh.isClosed()) await fresh.close();
  return { popup, first, titles, jump, full };
}

const FOLDERS = Number(process.env.ORRERY_BENCH_FOLDERS ?? 0);
const outline = (u: string) => `<outline type="rss" text="${u}" xmlUrl="${u}"/>`;
/** The OPML of the feeds, in FOLDERS folders (feed f in folder f mod FOLDERS), or in none. */
const opml = (urls: string[]) =>
  Buffer.from(
    `<?xml version="1.0"?><opml version="2.0"><head><title>ingest bench</title></head><body>${
      FOLDERS > 0
        ? Array.from({ length: FOLDERS }, (_, k) => `<outline text="Folder ${k}">${urls.filter((_, f) => f % FOLDERS === k).map(outline).join('')}</outline>`).join('')
        : urls.map(outline).join('')
    }</body></opml>`,
  );

const server = await startFixtureServer();
const urls = Array.from({ length: FEEDS }, (_, f) => `http://gen-${f}.example${genPath(f, PER_STEP)}`);

interface Step {
  posts: number;
  ms: number;
  cpuMs: number;
}

/** Launches the build in ORRERY_OUT, subscribes the generated feeds (step 0: no posts yet) and refreshes once per step. */
async function ingest(): Promise<{ orrery: Orrery; control: () => Promise<Page>; steps: Step[] }> {
  server.gen.step = 0;
  const orrery = await launchOrrery({ serverPort: server.port });
  orrery.context.on('page', (p) => p.on('crash', () => console.error(`page crashed: ${p.url()}`)));
  const options = await orrery.open('/options.html');
  await options.getByTestId('opml-file').setInputFiles({ name: 'bench.opml', mimeType: 'text/x-opml', buffer: opml(urls) });
  await options.getByTestId('import-report').waitFor({ timeout: 120_000 });
  await options.waitForTimeout(3000); // the import's first polls (empty feeds) settle
  await options.close();
  // The page that drives refreshes; reopened if Chromium discards it.
  let popupPage = await orrery.open('/popup.html');
  const control = async (): Promise<Page> => {
    if (popupPage.isClosed()) popupPage = await orrery.open('/popup.html');
    return popupPage;
  };
  const cdp = await attachToWorker(orrery.context, orrery.extensionId);
  const steps: Step[] = [];
  for (let s = 1; s <= STEPS; s++) {
    server.gen.step = s;
    // The step's documents are generated before the clock starts: the server's own CPU (~11 s a
    // step of 20,000 posts) is not the product's, and ran on the cores the browser shares.
    warmGen(FEEDS, PER_STEP, s, (f) => `gen-${f}.example`, server.gen.base);
    const popup = await control();
    const before = await storedPosts(popup);
    const stopCpu = await startWorkerCpu(cdp);
    if (process.env.BENCH_PROFILE_FILE) await cdp.send('Profiler.start'); // restarted: keeps the raw profile for the file below
    const since = Date.now();
    const t0 = performance.now();
    await sendFromPage(popup, { type: 'refresh-all' });
    await waitForRefresh(popup, since, 900_000);
    const ms = performance.now() - t0;
    if (process.env.BENCH_PROFILE_FILE) {
      const { profile } = await cdp.send<{ profile: unknown }>('Profiler.stop');
      writeFileSync(`${process.env.BENCH_PROFILE_FILE}.${s}.cpuprofile`, JSON.stringify(profile));
      await cdp.send('Profiler.start');
    }
    const cpu = await stopCpu();
    const posts = (await storedPosts(popup)) - before;
    steps.push({ posts, ms, cpuMs: cpu.busyMs });
    console.error(`${process.env.ORRERY_OUT} step ${s}/${STEPS}: ${posts} posts in ${(ms / 1000).toFixed(1)} s (${((posts * 1000) / ms).toFixed(0)} posts/s), worker CPU ${(cpu.busyMs / 1000).toFixed(1)} s`);
    if (process.env.BENCH_PROFILE) console.error(cpu.top.slice(0, 10));
  }
  await cdp.detach();
  return { orrery, control, steps };
}

const rate = (steps: Step[]) => (steps.reduce((n, s) => n + s.posts, 0) * 1000) / steps.reduce((n, s) => n + s.ms, 0);

// A/B of two builds in one run (ORRERY_BENCH_COMPARE=<the other build's ORRERY_OUT>): ingest and
// the idle first screen and popup only, alternating builds.
if (process.env.ORRERY_BENCH_COMPARE) {
  const builds = [process.env.ORRERY_BENCH_COMPARE, process.env.ORRERY_OUT];
  const rows: string[] = [];
  for (let round = 0; round < Number(process.env.BENCH_ROUNDS ?? 1); round++) {
    for (const out of builds) {
      process.env.ORRERY_OUT = out;
      const { orrery, steps, control } = await ingest();
      const floor = await idbFloor(await control(), Math.min(10_000, TOTAL));
      const first = await medianMark(orrery, '/timeline.html', 'orrery:first-posts');
      const pop = await medianMark(orrery, '/popup.html', 'orrery:counts');
      await orrery.close();
      rows.push(`| ${out} | ${round + 1} | ${rate(steps).toFixed(0)} | ${((floor.posts * 1000) / floor.ms).toFixed(0)} | ${(steps.reduce((n, s) => n + s.cpuMs, 0) / 1000).toFixed(1)} | ${first.toFixed(0)} | ${pop.toFixed(0)} |`);
      console.error(rows[rows.length - 1]);
    }
  }
  console.log(`\n${TOTAL} posts, ${STEPS} refreshes of ${PER_STEP} posts per feed, ${FOLDERS || 'no'} folders; first screen and popup: medians of ${RUNS}\n`);
  console.log('| build | round | ingest posts/s | IndexedDB floor posts/s | worker CPU s | first screen ms | popup ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(r);
  await server.close();
  process.exit(0);
}

// 1. The product store.
const { orrery: product, control, steps } = await ingest();
const floor = await idbFloor(await control(), Math.min(10_000, TOTAL));
console.error(`IndexedDB floor: ${floor.posts} posts in ${floor.ms.toFixed(0)} ms (${((floor.posts * 1000) / floor.ms).toFixed(0)} posts/s)`);
if (process.env.BENCH_INGEST_ONLY) {
  await product.close();
  await server.close();
  process.exit(0);
}
const stored = await storedPosts(await control());
const productM = await measureStore(product);
console.error('product store:', JSON.stringify(productM));

// The first screen while a refresh stores the next step (each feed's newest posts; retention
// drops as many old ones), timed repeatedly until the refresh ends.
server.gen.step = STEPS + 1;
warmGen(FEEDS, PER_STEP, STEPS + 1, (f) => `gen-${f}.example`, server.gen.base);
const since = Date.now();
await sendFromPage(await control(), { type: 'refresh-all' });
const during: number[] = [];
for (let i = 0; i < RUNS + 1; i++) {
  const p = await sendFromPage<{ running: boolean }>(await control(), { type: 'get-refresh-progress' });
  if (!p.running && i > 0) break;
  const t = await timeToMark(product, '/timeline.html', 'orrery:first-posts');
  if (i > 0) during.push(t); // the first opening warms the page's caches, as in medianMark
}
await waitForRefresh(await control(), since, 900_000);
console.error('during a refresh:', JSON.stringify(during));
await product.close();

// 2. The seeded store of the same size, in a fresh profile.
const seeded = await launchOrrery({ serverPort: server.port });
seeded.context.on('page', (p) => p.on('crash', () => console.error(`page crashed: ${p.url()}`)));
const home = await seeded.open('/popup.html');
await home.evaluate('globalThis.__name = (f) => f');
// All unread, as the product store is; the seed's feeds are never polled (due in a year).
await seedPosts(home, { feeds: FEEDS, posts: stored, readShare: 0 });
await home.close();
const seededM = await measureStore(seeded);
await seeded.close();
await server.close();

const ingestPosts = steps.reduce((n, s) => n + s.posts, 0);
const ingestMs = steps.reduce((n, s) => n + s.ms, 0);
const ingestCpu = steps.reduce((n, s) => n + s.cpuMs, 0);
const ms = (n: number) => `${n.toFixed(0)} ms`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}` : '—');
const scroll = (x: Scroll) => `${ms(x.longest)} (${x.tasks} > 50 ms, ${x.reached} posts, ${x.seconds.toFixed(0)} s)`;
console.log(`\nIngest in Chromium: ${FEEDS} generated feeds, ${PER_STEP} new posts each per refresh, ${STEPS} refreshes; medians of ${RUNS}\n`);
console.log(`Ingest: ${ingestPosts.toLocaleString('en-US')} posts in ${(ingestMs / 1000).toFixed(1)} s = **${((ingestPosts * 1000) / ingestMs).toFixed(0)} posts/s** (worker CPU ${(ingestCpu / 1000).toFixed(1)} s, ${((ingestPosts * 1000) / ingestCpu).toFixed(0)} posts per CPU-second); ${stored.toLocaleString('en-US')} posts stored\n`);
console.log(`IndexedDB floor (the same posts put again by bare IndexedDB, no index, 100 per transaction): ${((floor.posts * 1000) / floor.ms).toFixed(0)} posts/s; ingest / floor = ${(((ingestPosts * 1000) / ingestMs) / ((floor.posts * 1000) / floor.ms)).toFixed(2)}\n`);
console.log(`| measure, ${stored.toLocaleString('en-US')} posts | written by the product | seeded | product / seeded |`);
console.log('|---|---:|---:|---:|');
console.log(`| Timeline first screen, idle | ${ms(productM.first)} | ${ms(seededM.first)} | ${ratio(productM.first, seededM.first)} |`);
console.log(`| Timeline first screen, during a refresh (${during.length} runs) | ${ms(median(during))} | — | ${ratio(median(during), seededM.first)} |`);
console.log(`| Popup counts painted | ${ms(productM.popup)} | ${ms(seededM.popup)} | ${ratio(productM.popup, seededM.popup)} |`);
console.log(`| Longest task scrolling, titles | ${scroll(productM.titles)} | ${scroll(seededM.titles)} | ${ratio(productM.titles.longest, seededM.titles.longest)} |`);
console.log(`| Longest task scrolling, full | ${scroll(productM.full)} | ${scroll(seededM.full)} | ${ratio(productM.full.longest, seededM.full.longest)} |`);
console.log(`| Longest task, titles -> full view deep in the river, then the top | ${scroll(productM.jump)} | ${scroll(seededM.jump)} | ${ratio(productM.jump.longest, seededM.jump.longest)} |`);

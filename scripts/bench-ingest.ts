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
//
// ORRERY_BENCH_PROFILE_DIR=<dir> keeps the stores: the first run saves the product-written and
// the seeded profiles in <dir> (bench-profile.ts), later runs of the same size skip the ingest and
// measure pages on fresh copies of them (every build loaded from one path, so one extension id).
// With ORRERY_BENCH_COMPARE=<other build> as well, both builds' pages are measured on the kept
// stores, alternating (BENCH_ROUNDS rounds; the seeded store too with BENCH_SEEDED=1).
// BENCH_ROWS=popup,first,titles,jump,full,during (all by default) picks the page measures.
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
import { profileStore, type ProfileMeta } from './bench-profile';
import { duringRefresh, idbFloor, measureStore, medianMark, storedPosts, storeTable, type Measures } from './bench-store-measures';

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
const ROWS = new Set((process.env.BENCH_ROWS ?? 'popup,first,titles,jump,full,during').split(','));
const MEASURE = { rows: ROWS, runs: RUNS, titles: SCROLL_TITLES, full: SCROLL_FULL };
const profiles = process.env.ORRERY_BENCH_PROFILE_DIR ? profileStore(process.env.ORRERY_BENCH_PROFILE_DIR) : undefined;

if (process.env.ORRERY_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: process.env });

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

/** A product-written store, open: its browser, the page that drives refreshes, its ingest and the generated feeds' step it is at. */
interface Store {
  orrery: Orrery;
  control: () => Promise<Page>;
  /** The ingest's refreshes, when this run made the store (not when it was kept from an earlier run). */
  steps: Step[] | undefined;
  step: number;
}

/**
 * Launches the build in ORRERY_OUT on a new profile, or with ORRERY_BENCH_PROFILE_DIR on a fresh
 * copy of the kept profile `name` (`empty`: on an empty one, to make the store).
 */
async function launchOn(name: string, empty = false): Promise<Orrery> {
  const orrery = profiles
    ? await launchOrrery({ serverPort: server.port, extensionDir: profiles.stageBuild(path.resolve(ROOT, process.env.ORRERY_OUT ?? '')), userDataDir: profiles.workCopy(name, empty) })
    : await launchOrrery({ serverPort: server.port });
  orrery.context.on('page', (p) => p.on('crash', () => console.error(`page crashed: ${p.url()}`)));
  return orrery;
}

/** The page that drives refreshes; reopened if Chromium discards it. */
async function controlPage(orrery: Orrery): Promise<() => Promise<Page>> {
  let popupPage = await orrery.open('/popup.html');
  return async () => {
    if (popupPage.isClosed()) popupPage = await orrery.open('/popup.html');
    return popupPage;
  };
}

/** Launches the build in ORRERY_OUT, subscribes the generated feeds (step 0: no posts yet) and refreshes once per step. */
async function ingest(): Promise<Store> {
  server.gen.step = 0;
  const orrery = await launchOn('product', true);
  const options = await orrery.open('/options.html');
  await options.getByTestId('opml-file').setInputFiles({ name: 'bench.opml', mimeType: 'text/x-opml', buffer: opml(urls) });
  await options.getByTestId('import-report').waitFor({ timeout: 120_000 });
  await options.waitForTimeout(3000); // the import's first polls (empty feeds) settle
  await options.close();
  const control = await controlPage(orrery);
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
  return { orrery, control, steps, step: STEPS };
}

const rate = (steps: Step[]) => (steps.reduce((n, s) => n + s.posts, 0) * 1000) / steps.reduce((n, s) => n + s.ms, 0);

/**
 * A kept store reopened: the feeds that fell due while it was saved are polled when the
 * browser starts (their documents unchanged: 304s). Waits until no poll has run for a while.
 */
async function settle(control: () => Promise<Page>): Promise<void> {
  const page = await control();
  await page.waitForTimeout(3000);
  for (let quiet = 0; quiet < 4; ) {
    const p = await sendFromPage<{ running: boolean }>(await control(), { type: 'get-refresh-progress' });
    quiet = p.running ? 0 : quiet + 1;
    await page.waitForTimeout(500);
  }
}

const meta = (stored: number, step: number, ingested?: Step[]): ProfileMeta => ({
  total: TOTAL,
  stored,
  base: server.gen.base,
  step,
  perStep: PER_STEP,
  feeds: FEEDS,
  folders: FOLDERS,
  build: path.resolve(ROOT, process.env.ORRERY_OUT ?? ''),
  made: new Date().toISOString(),
  ...(ingested ? { ingest: { posts: ingested.reduce((n, s) => n + s.posts, 0), ms: ingested.reduce((n, s) => n + s.ms, 0), cpuMs: ingested.reduce((n, s) => n + s.cpuMs, 0) } } : {}),
});

/** The product-written store: made by ingest, or (ORRERY_BENCH_PROFILE_DIR) a copy of the kept one, made and kept first if there is none of this size. */
async function productStore(): Promise<Store> {
  const kept = profiles?.meta('product');
  if (profiles && kept) {
    if (kept.total !== TOTAL || kept.feeds !== FEEDS || kept.perStep !== PER_STEP || (kept.folders ?? 0) !== FOLDERS) throw new Error(`the kept store in ${process.env.ORRERY_BENCH_PROFILE_DIR} is of another size: ${JSON.stringify(kept)}`);
    server.gen.base = kept.base;
    server.gen.step = kept.step;
    const orrery = await launchOn('product');
    const control = await controlPage(orrery);
    await settle(control);
    return { orrery, control, steps: undefined, step: kept.step };
  }
  const made = await ingest();
  if (!profiles) return made;
  const stored = await storedPosts(await made.control());
  await made.orrery.close();
  profiles.save('product', meta(stored, made.step, made.steps));
  console.error(`kept the product store (${stored} posts) in ${process.env.ORRERY_BENCH_PROFILE_DIR}`);
  return { ...(await productStore()), steps: made.steps };
}

/** The seeded store of `stored` posts (all unread, as the product store is; the seed's feeds are never polled: due in a year). */
async function seededStore(stored: number): Promise<Orrery> {
  const kept = profiles?.meta('seeded');
  if (kept && kept.stored === stored) return launchOn('seeded');
  const seeded = await launchOn('seeded', true);
  const home = await seeded.open('/popup.html');
  await home.evaluate('globalThis.__name = (f) => f');
  await seedPosts(home, { feeds: FEEDS, posts: stored, readShare: 0 });
  await home.close();
  if (!profiles) return seeded;
  await seeded.close();
  profiles.save('seeded', meta(stored, 0));
  return launchOn('seeded');
}

/** The first screen while a refresh stores the next step of the generated feeds. */
async function during(store: Store): Promise<number[]> {
  if (!ROWS.has('during')) return [];
  server.gen.step = store.step + 1;
  warmGen(FEEDS, PER_STEP, store.step + 1, (f) => `gen-${f}.example`, server.gen.base);
  return duringRefresh(store.orrery, store.control, RUNS);
}

// A/B of two builds' pages in one run on the kept stores (ORRERY_BENCH_PROFILE_DIR and
// ORRERY_BENCH_COMPARE): the same measures as below for each build, alternating. A store not kept
// yet is made by the first build (ORRERY_BENCH_COMPARE's).
if (process.env.ORRERY_BENCH_COMPARE && profiles) {
  const builds = [process.env.ORRERY_BENCH_COMPARE, process.env.ORRERY_OUT];
  const tables: string[] = [];
  for (let round = 0; round < Number(process.env.BENCH_ROUNDS ?? 1); round++) {
    for (const out of builds) {
      process.env.ORRERY_OUT = out;
      const store = await productStore();
      const stored = await storedPosts(await store.control());
      const productM = await measureStore(store.orrery, MEASURE);
      const d = await during(store);
      await store.orrery.close();
      let seededM: Measures | undefined;
      if (process.env.BENCH_SEEDED === '1') {
        const seeded = await seededStore(stored);
        seededM = await measureStore(seeded, MEASURE);
        await seeded.close();
      }
      tables.push(`${out}, round ${round + 1}:\n\n${storeTable(stored, productM, d, seededM)}\n`);
      console.error(tables[tables.length - 1]);
    }
  }
  console.log(`\nPages on kept stores (${process.env.ORRERY_BENCH_PROFILE_DIR}), ${TOTAL} posts; medians of ${RUNS}\n`);
  for (const t of tables) console.log(t);
  await server.close();
  process.exit(0);
}

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
      const first = await medianMark(orrery, '/timeline.html', 'orrery:first-posts', RUNS);
      const pop = await medianMark(orrery, '/popup.html', 'orrery:counts', RUNS);
      await orrery.close();
      rows.push(`| ${out} | ${round + 1} | ${rate(steps ?? []).toFixed(0)} | ${((floor.posts * 1000) / floor.ms).toFixed(0)} | ${((steps ?? []).reduce((n, s) => n + s.cpuMs, 0) / 1000).toFixed(1)} | ${first.toFixed(0)} | ${pop.toFixed(0)} |`);
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
const product = await productStore();
const { steps } = product;
const floor = steps ? await idbFloor(await product.control(), Math.min(10_000, TOTAL)) : undefined;
if (floor) console.error(`IndexedDB floor: ${floor.posts} posts in ${floor.ms.toFixed(0)} ms (${((floor.posts * 1000) / floor.ms).toFixed(0)} posts/s)`);
if (process.env.BENCH_INGEST_ONLY) {
  await product.orrery.close();
  await server.close();
  process.exit(0);
}
const stored = await storedPosts(await product.control());
const productM = await measureStore(product.orrery, MEASURE);
console.error('product store:', JSON.stringify(productM));
const duringMs = await during(product);
console.error('during a refresh:', JSON.stringify(duringMs));
await product.orrery.close();

// 2. The seeded store of the same size, in a fresh profile (or the kept one).
const seeded = await seededStore(stored);
const seededM = await measureStore(seeded, MEASURE);
await seeded.close();
await server.close();

if (steps && floor) {
  const ingestPosts = steps.reduce((n, s) => n + s.posts, 0);
  const ingestMs = steps.reduce((n, s) => n + s.ms, 0);
  const ingestCpu = steps.reduce((n, s) => n + s.cpuMs, 0);
  console.log(`\nIngest in Chromium: ${FEEDS} generated feeds, ${PER_STEP} new posts each per refresh, ${STEPS} refreshes; medians of ${RUNS}\n`);
  console.log(`Ingest: ${ingestPosts.toLocaleString('en-US')} posts in ${(ingestMs / 1000).toFixed(1)} s = **${((ingestPosts * 1000) / ingestMs).toFixed(0)} posts/s** (worker CPU ${(ingestCpu / 1000).toFixed(1)} s, ${((ingestPosts * 1000) / ingestCpu).toFixed(0)} posts per CPU-second); ${stored.toLocaleString('en-US')} posts stored\n`);
  console.log(`IndexedDB floor (the same posts put again by bare IndexedDB, no index, 100 per transaction): ${((floor.posts * 1000) / floor.ms).toFixed(0)} posts/s; ingest / floor = ${(((ingestPosts * 1000) / ingestMs) / ((floor.posts * 1000) / floor.ms)).toFixed(2)}\n`);
} else console.log(`\nPages on the kept stores in ${process.env.ORRERY_BENCH_PROFILE_DIR} (no ingest this run); medians of ${RUNS}\n`);
console.log(storeTable(stored, productM, duringMs, seededM));

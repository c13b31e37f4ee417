// `npm run bench:river-upgrade`: the schema v6 upgrade of a reader's v5 store (posts with no
// keys in the river's index), through the product: how long the versionchange transaction
// holds every page and the worker, the timeline's first screen when it is the page that
// upgrades, the worker's backfill of the keys afterwards, and the timeline opened during that
// backfill against idle. Prints a Markdown table.
//
//   BENCH_POSTS   posts stored (default 20,000)     BENCH_RUNS  timeline loads when idle (default 5)
//   ORRERY_OUT    the build to measure (default .output-river-bench, built unless ORRERY_SKIP_BUILD=1)
//   BENCH_BEFORE_OUT  another build measured first in the same run (e.g. one of the in-upgrade rewrite)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../test/server/fixture-server.mjs';
import { launchOrrery } from '../test/browser/launch';
import { seedPosts } from '../test/browser/river-seed';
import { emptyV5Database, riverFill } from '../test/browser/v5-store';

const ROOT = path.resolve(import.meta.dirname, '..');
const AFTER = process.env.ORRERY_OUT ?? '.output-river-bench';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TOTAL = Number(process.env.BENCH_POSTS ?? 20_000);
if (process.env.ORRERY_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, ORRERY_OUT: AFTER } });

/** Watches, from `page` (holding a v5 connection), when a versionchange starts and when the database opens again. */
async function watchUpgrade(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { upgrade: { start?: number; end?: number } };
    w.upgrade = {};
    const r = indexedDB.open('orrery');
    r.onsuccess = () => {
      const db = r.result;
      db.onversionchange = () => {
        w.upgrade.start = Date.now();
        db.close();
        // Queued behind the versionchange transaction: succeeds when it has committed.
        const again = indexedDB.open('orrery');
        again.onsuccess = () => {
          w.upgrade.end = Date.now();
          again.result.close();
        };
      };
    };
  });
}

/** Ms from navigation start to the timeline's first posts (the page's own mark). */
async function timelineFirstPosts(page: Page): Promise<number> {
  const t = await page.waitForFunction(() => performance.getEntriesByName('orrery:first-posts')[0]?.startTime, undefined, { timeout: 600_000 });
  return (await t.jsonValue()) as number;
}

async function openTimeline(open: (p: string) => Promise<Page>): Promise<number> {
  const page = await open('/timeline.html');
  const ms = await timelineFirstPosts(page);
  await page.close();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '-' : Math.round(n).toLocaleString('en-US'));

const server = await startFixtureServer();
const rows: string[] = [];
for (const [label, out] of [...(process.env.BENCH_BEFORE_OUT ? [['before', process.env.BENCH_BEFORE_OUT] as const] : []), ['after', AFTER] as const]) {
  process.env.ORRERY_OUT = out;
  const orrery = await launchOrrery({ serverPort: server.port });
  await (await orrery.open('/popup.html')).waitForLoadState();
  const raw = await emptyV5Database(orrery);
  await raw.evaluate('globalThis.__name = (f) => f');
  await seedPosts(raw, { feeds: 200, posts: TOTAL, riverKeys: false });
  await watchUpgrade(raw);
  // The timeline is the first to open the v5 store (the worker is stopped): it runs the upgrade.
  const first = await orrery.open('/timeline.html');
  const atUpgrade = await timelineFirstPosts(first);
  await raw.waitForFunction(() => (window as unknown as { upgrade: { end?: number } }).upgrade.end !== undefined, undefined, { timeout: 600_000 });
  const { start, end } = (await raw.evaluate(() => (window as unknown as { upgrade: { start: number; end: number } }).upgrade)) as { start: number; end: number };
  await first.close();
  // The worker's backfill (none in a build that rewrites posts in the upgrade): timelines opened one after another while it runs.
  const woke = Date.now();
  await raw.evaluate(() => chrome.runtime.sendMessage({ type: 'get-refresh-progress' })).catch(() => undefined);
  const during: number[] = [];
  let doneAt: number | undefined;
  for (;;) {
    const { fill } = await riverFill(raw);
    if (fill === undefined || fill.done) {
      doneAt = fill === undefined ? undefined : Date.now();
      break;
    }
    during.push(await openTimeline(orrery.open));
    // A reader's open pages keep the worker awake; so does this.
    await raw.evaluate(() => chrome.runtime.sendMessage({ type: 'get-refresh-progress' })).catch(() => undefined);
  }
  const idle: number[] = [];
  await openTimeline(orrery.open); // warm once, as the pages during the backfill were after the first
  for (let i = 0; i < Math.max(RUNS, during.length); i++) idle.push(await openTimeline(orrery.open));
  rows.push(
    `| ${label} | ${fmt(end - start)} | ${fmt(atUpgrade)} | ${doneAt === undefined ? '-' : fmt(doneAt - woke)} | ${during.length ? `${fmt(median(during))} (${during.length})` : '-'} | ${fmt(median(idle))} | ${during.length ? (median(during) / median(idle)).toFixed(2) : '-'} |`,
  );
  await orrery.close();
}
await server.close();

console.log(`\nSchema v6 upgrade of a v5 store of ${TOTAL.toLocaleString('en-US')} posts (200 feeds), ms\n`);
console.log('| build | versionchange | timeline first screen, opened on the v5 store | backfill total | timeline during backfill, median (loads) | timeline idle, median | during / idle |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(r);

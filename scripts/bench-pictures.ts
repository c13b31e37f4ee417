// `npm run bench:pictures`: what pictures cost the river, in one run. 10,000 seeded posts
// (200 feeds) are measured without pictures, then the same posts get a picture each
// (imageUrl, 50 distinct 192x128 PNGs from the fixture server) and are measured again:
// the timeline's first screen in the summary view (User Timing mark `orrery:first-posts`,
// medians) and the longest task while scrolling the titles, summary and cards views.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../test/server/fixture-server.mjs';
import { seedPosts } from '../test/browser/river-seed';
import { addPictures, servePictures } from './bench-pictures-seed';
import { scrollThrough, type Scroll } from './bench-scroll';

const ROOT = path.resolve(import.meta.dirname, '..');
process.env.ORRERY_OUT ??= '.output-pictures-bench';
const { launchOrrery } = await import('../test/browser/launch');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const POSTS = Number(process.env.BENCH_POSTS ?? 10_000);
/** Posts scrolled past in the titles view (a third of it in the summary and cards views). */
const SCROLL = Number(process.env.BENCH_SCROLL ?? 3000);

if (process.env.ORRERY_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: process.env });
const server = await startFixtureServer();
let imageRequests = 0;
servePictures(server, () => imageRequests++);
const orrery = await launchOrrery({ serverPort: server.port });
const home = await orrery.open('/popup.html');
await home.evaluate('globalThis.__name = (f) => f');
await seedPosts(home, { feeds: 200, posts: POSTS });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function firstScreen(view: string): Promise<number> {
  const ts: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await orrery.context.newPage();
    await page.goto(`chrome-extension://${orrery.extensionId}/timeline.html`);
    await page.evaluate((v) => localStorage.setItem('orrery.view', v), view);
    await page.reload();
    ts.push((await (await page.waitForFunction(() => performance.getEntriesByName('orrery:first-posts')[0]?.startTime, undefined, { timeout: 60_000 })).jsonValue()) as number);
    await page.close();
  }
  return median(ts);
}

async function measure(): Promise<{ first: number; scrolls: Record<string, Scroll> }> {
  const first = await firstScreen('summary');
  const page: Page = await orrery.open('/timeline.html');
  await page.getByTestId('entry').first().waitFor();
  const scrolls: Record<string, Scroll> = {};
  for (const [view, posts] of [['titles', SCROLL], ['summary', Math.ceil(SCROLL / 3)], ['cards', Math.ceil(SCROLL / 3)]] as const) scrolls[view] = await scrollThrough(page, view, posts, 300_000);
  await page.close();
  return { first, scrolls };
}

const without = await measure();
const before = imageRequests;
// The same posts, each with a picture now (the river reads imageUrl first).
await addPictures(home);
const withPictures = await measure();

const ms = (n: number) => `${n.toFixed(0)} ms`;
const ratio = (a: number, b: number) => (a === 0 ? (b === 0 ? '1.00 (both 0)' : '—') : (b / a).toFixed(2));
console.log(`\nPictures in the river, Chromium ${orrery.context.browser()?.version() ?? ''}, ${POSTS.toLocaleString('en-US')} posts, medians of ${RUNS} first screens; ${imageRequests - before} picture requests with pictures on (${before} without)\n`);
console.log('| measure | without pictures | with pictures | with / without |');
console.log('|---|---:|---:|---:|');
console.log(`| Timeline first screen (summary view) | ${ms(without.first)} | ${ms(withPictures.first)} | ${ratio(without.first, withPictures.first)} |`);
for (const view of ['titles', 'summary', 'cards']) {
  const a = without.scrolls[view]!;
  const b = withPictures.scrolls[view]!;
  console.log(`| Longest task scrolling ${b.reached.toLocaleString('en-US')} posts (${view}) | ${ms(a.longest)} (${a.tasks} > 50 ms) | ${ms(b.longest)} (${b.tasks} > 50 ms) | ${ratio(a.longest, b.longest)} |`);
}
await orrery.close();
await server.close();

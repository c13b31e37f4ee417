// `npm run bench:ui`: the popup and the timeline in Chromium, empty and with 100,000 stored
// posts (written into the extension's IndexedDB in its real schema). Prints a Markdown table.
//
//   popup counts painted     navigation start -> the "orrery:counts" mark (the total rendered)
//   timeline first screen    navigation start -> the "orrery:first-posts" mark (posts rendered)
//   longest task, scrolling  PerformanceObserver('longtask') while scrolling through N posts
//   search                   input event -> results rendered (next frame), index already built;
//                            "cold" includes building the index on the first query
//   JS per page              gzipped bytes of every script each page loads
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../test/server/fixture-server.mjs';
import type { Orrery } from '../test/browser/launch';
import { seedPosts } from '../test/browser/river-seed';
import { addPictures, servePictures } from './bench-pictures-seed';
import { scrollThrough as scrollRiver, type Scroll } from './bench-scroll';

const ROOT = path.resolve(import.meta.dirname, '..');
process.env.ORRERY_OUT ??= '.output-ui-bench';
// Imported after ORRERY_OUT is set: launch.ts reads it when it loads.
const { EXTENSION_DIR, launchOrrery } = await import('../test/browser/launch');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TOTAL = Number(process.env.BENCH_POSTS ?? 100_000);

if (process.env.ORRERY_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: process.env });
const dir = path.resolve(ROOT, process.env.ORRERY_OUT, 'chrome-mv3');
if (dir !== EXTENSION_DIR) throw new Error(`bench-ui: launch.ts loads ${EXTENSION_DIR}, expected ${dir}`);

/** Gzipped bytes of the scripts a page loads: its entry, modulepreloads and their static imports. */
function jsPerPage(html: string): { files: number; gzip: number } {
  const text = readFileSync(path.join(dir, html), 'utf8');
  const seen = new Set<string>();
  const queue = [...text.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);
  let gzip = 0;
  while (queue.length) {
    const rel = queue.shift()!.replace(/^\//, '');
    if (seen.has(rel)) continue;
    seen.add(rel);
    const code = readFileSync(path.join(dir, rel));
    gzip += gzipSync(code, { level: 9 }).length;
    for (const m of code.toString('utf8').matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(path.posix.join(path.posix.dirname(rel), m[1]!));
    }
  }
  return { files: seen.size, gzip };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Opens `pathname` in a new tab and returns when `mark` exists: its time from navigation start. */
async function timeToMark(orrery: Orrery, pathname: string, mark: string): Promise<number> {
  const page = await orrery.context.newPage();
  await page.goto(`chrome-extension://${orrery.extensionId}${pathname}`);
  const t = (await page.waitForFunction((m) => performance.getEntriesByName(m)[0]?.startTime, mark, { timeout: 60_000 })).jsonValue();
  const ms = await t;
  await page.close();
  return ms as number;
}

/** Types queries into the search box; times input -> results in the DOM and painted. */
async function searchLatency(page: Page, queries: string[]): Promise<{ cold: number; warm: number[] }> {
  return (await page.evaluate(`(async () => {
    const input = document.querySelector('[data-testid="search-input"]');
    const status = document.querySelector('[data-testid="search-status"]');
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    async function run(q) {
      const t0 = performance.now();
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Results are shown when the status names them and the river is not busy.
      for (;;) {
        await new Promise((r) => requestAnimationFrame(() => r()));
        const feed = document.querySelector('[role="feed"]');
        if (status.dataset.query === q.trim() && feed.getAttribute('aria-busy') === 'false') break;
        if (performance.now() - t0 > 60000) throw new Error('search did not answer: ' + q);
      }
      await frame();
      return performance.now() - t0;
    }
    const cold = await run(${JSON.stringify(queries[0])});
    const warm = [];
    for (const q of ${JSON.stringify(queries.slice(1))}) warm.push(await run(q));
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return { cold, warm };
  })()`)) as { cold: number; warm: number[] };
}

const server = await startFixtureServer();
servePictures(server);

/** A fresh profile; with `extras`, rules and pictures are on. */
async function profile(extras: boolean) {
  const orrery = await launchOrrery({ serverPort: server.port });
  const home = await orrery.open('/popup.html');
  // tsx names functions with a helper the page does not have.
  await home.evaluate('globalThis.__name = (f) => f');
  // With extras: a highlight, a mark-read and a hide rule applied to the stored posts, and a
  // picture on every post (the river's summary and cards views show it).
  const applyExtras = async () => {
    if (!extras) return;
    const rules = [
      { id: 'bench-hl', action: 'highlight', match: 'regex', pattern: 'async\\s+await', fields: ['title'], scope: { kind: 'all' }, enabled: true },
      { id: 'bench-read', action: 'read', match: 'phrase', pattern: 'sqlite http', fields: ['title', 'content'], scope: { kind: 'all' }, enabled: true },
      // Hides posts #10000-#19999: none of the first 10,000 the scrolls go through.
      { id: 'bench-hide', action: 'hide', match: 'regex', pattern: '#1\\d{4}$', fields: ['title'], scope: { kind: 'all' }, enabled: true },
    ];
    await home.evaluate((r) => chrome.runtime.sendMessage({ type: 'save-rules', rules: r }), rules);
    await home.evaluate(() => chrome.runtime.sendMessage({ type: 'apply-rules' }));
    await addPictures(home);
  };
  return { orrery, home, applyExtras };
}
type Profile = Awaited<ReturnType<typeof profile>>;

/** Medians of `RUNS` marks per profile, the profiles taking turns so that a change in the machine's load hits both. */
async function medianMarks(ps: Profile[], pathname: string, mark: string): Promise<number[]> {
  for (const p of ps) await timeToMark(p.orrery, pathname, mark); // warm the browser's caches once
  const ts: number[][] = ps.map(() => []);
  for (let i = 0; i < RUNS; i++) for (const [k, p] of ps.entries()) ts[k]!.push(await timeToMark(p.orrery, pathname, mark));
  return ts.map(median);
}

/** Every measure on each profile. With BENCH_RULES=1 a second profile has rules and pictures on, measured in turn with the first. */
async function measureAll(ps: Profile[]) {
  const emptyPopup = await medianMarks(ps, '/popup.html', 'orrery:counts');
  // 10,000 posts: search and scrolling.
  for (const p of ps) {
    await seedPosts(p.home, { feeds: 200, posts: 10_000 });
    await p.applyExtras();
  }
  const queries = ['python', 'pyth', 'async await', 'django fixture', 'zzzz', 'generator #12'];
  const pages: Page[] = [];
  for (const p of ps) {
    const page = await p.orrery.open('/timeline.html');
    await page.getByTestId('entry').first().waitFor();
    pages.push(page);
  }
  const search10: Pass['search10'][] = [];
  for (const page of pages) search10.push(await searchLatency(page, queries));
  const scrolls: Record<'titles' | 'full' | 'summary', Scroll[]> = { titles: [], full: [], summary: [] };
  for (const [view, n] of [['titles', 10_000], ['full', 2_000], ['summary', 2_000]] as const) {
    for (const page of pages) {
      await page.reload();
      await page.getByTestId('entry').first().waitFor();
      scrolls[view].push(await scrollRiver(page, view, n, 600000));
    }
  }
  for (const page of pages) await page.close();
  // 100,000 posts: the popup and the timeline's first screen.
  for (const p of ps) {
    await seedPosts(p.home, { feeds: 200, posts: TOTAL - 10_000, from: 10_000 });
    await p.applyExtras();
  }
  const fullPopup = await medianMarks(ps, '/popup.html', 'orrery:counts');
  const firstScreen = await medianMarks(ps, '/timeline.html', 'orrery:first-posts');
  const search100: Pass['search100'][] = [];
  for (const p of ps) {
    const page = await p.orrery.open('/timeline.html');
    await page.getByTestId('entry').first().waitFor();
    search100.push(await searchLatency(page, ['python', 'async await', 'zzzz']));
    await page.close();
  }
  return ps.map((_, k) => ({
    emptyPopup: emptyPopup[k]!,
    fullPopup: fullPopup[k]!,
    firstScreen: firstScreen[k]!,
    scrollTitles: scrolls.titles[k]!,
    scrollFull: scrolls.full[k]!,
    scrollSummary: scrolls.summary[k]!,
    search10: search10[k]!,
    search100: search100[k]!,
  }));
}

interface Pass {
  emptyPopup: number;
  fullPopup: number;
  firstScreen: number;
  scrollTitles: Scroll;
  scrollFull: Scroll;
  scrollSummary: Scroll;
  search10: { cold: number; warm: number[] };
  search100: { cold: number; warm: number[] };
}

// BENCH_RULES=1: a second profile with rules and pictures on, in the same run, side by side.
const COMPARE = process.env.BENCH_RULES === '1';
const profiles = [await profile(false), ...(COMPARE ? [await profile(true)] : [])];
const version = profiles[0]!.orrery.context.browser()?.version() ?? '';
const [plain, extras] = (await measureAll(profiles)) as [Pass, Pass | undefined];
for (const p of profiles) await p.orrery.close();

const js = Object.fromEntries(['popup.html', 'timeline.html', 'options.html'].map((h) => [h, jsPerPage(h)]));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const N = TOTAL.toLocaleString('en-US');
const scroll = (s: Scroll) => `${ms(s.longest)} (${s.tasks} tasks > 50 ms, ${s.reached.toLocaleString('en-US')} reached, ${s.seconds.toFixed(0)} s)`;
// [measure, value of a pass, number compared for the ratio, target]
const measures: [string, (p: Pass) => string, ((p: Pass) => number) | undefined, string][] = [
  ['Popup: navigation → counts painted, empty store', (p) => ms(p.emptyPopup), (p) => p.emptyPopup, '—'],
  [`Popup: navigation → counts painted, ${N} posts`, (p) => `${ms(p.fullPopup)} (+${(p.fullPopup - p.emptyPopup).toFixed(0)} ms)`, (p) => p.fullPopup, '≤ +50 ms'],
  [`Timeline: navigation → first screen of posts, ${N} posts`, (p) => ms(p.firstScreen), (p) => p.firstScreen, '≤ 150 ms'],
  [`Longest task scrolling through ${plain.scrollTitles.reached.toLocaleString('en-US')} posts (titles view)`, (p) => scroll(p.scrollTitles), (p) => p.scrollTitles.longest, '≤ 50 ms'],
  [`Longest task scrolling through ${plain.scrollFull.reached.toLocaleString('en-US')} posts (full view)`, (p) => scroll(p.scrollFull), (p) => p.scrollFull.longest, '≤ 50 ms'],
  [`Longest task scrolling through ${plain.scrollSummary.reached.toLocaleString('en-US')} posts (summary view)`, (p) => scroll(p.scrollSummary), (p) => p.scrollSummary.longest, '≤ 50 ms'],
  ['Search at 10,000 posts, per keystroke (index built), median / worst', (p) => `${ms(median(p.search10.warm))} / ${ms(Math.max(...p.search10.warm))}`, (p) => median(p.search10.warm), '≤ 100 ms'],
  ['Search at 10,000 posts, first query (builds the index)', (p) => ms(p.search10.cold), (p) => p.search10.cold, '—'],
  [`Search at ${N} posts, per keystroke / first query`, (p) => `${ms(median(p.search100.warm))} / ${ms(p.search100.cold)}`, (p) => median(p.search100.warm), '—'],
];

console.log(`\nUI in Chromium ${version}, medians of ${RUNS} runs${COMPARE ? '; a second profile with 3 rules and a picture on every post, measured in turn with the first' : ''}\n`);
if (extras) {
  console.log('| measure | plain | rules + pictures | ratio | target |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, value, num, target] of measures) {
    const [a, b] = num ? [num(plain), num(extras)] : [NaN, NaN];
    const ratio = !num ? '—' : a === 0 ? (b === 0 ? '1.00 (both 0)' : '—') : (b / a).toFixed(2);
    console.log(`| ${name} | ${value(plain)} | ${value(extras)} | ${ratio} | ${target} |`);
  }
} else {
  console.log('| measure | result | target |');
  console.log('|---|---:|---:|');
  for (const [name, value, , target] of measures) console.log(`| ${name} | ${value(plain)} | ${target} |`);
}
console.log(`| JS, popup (gzipped) | ${kb(js['popup.html']!.gzip)} (${js['popup.html']!.files} files) | ≤ 25 KB |`);
console.log(`| JS, timeline (gzipped) | ${kb(js['timeline.html']!.gzip)} (${js['timeline.html']!.files} files) | — |`);
console.log(`| JS, options (gzipped) | ${kb(js['options.html']!.gzip)} (${js['options.html']!.files} files) | — |`);
await server.close();

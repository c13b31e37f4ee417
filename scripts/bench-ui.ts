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
import { scrollThrough as scrollRiver } from './bench-scroll';

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

async function medianMark(orrery: Orrery, pathname: string, mark: string): Promise<number> {
  await timeToMark(orrery, pathname, mark); // warm the browser's caches once
  const ts: number[] = [];
  for (let i = 0; i < RUNS; i++) ts.push(await timeToMark(orrery, pathname, mark));
  return median(ts);
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
const orrery = await launchOrrery({ serverPort: server.port });
const home = await orrery.open('/popup.html');
// tsx names functions with a helper the page does not have.
await home.evaluate('globalThis.__name = (f) => f');

const rows: [string, string, string][] = [];
const emptyPopup = await medianMark(orrery, '/popup.html', 'orrery:counts');

// 10,000 posts: search and scrolling.
await seedPosts(home, { feeds: 200, posts: 10_000 });
// BENCH_RULES=1: the same measures with rules on (a highlight, a mark-read and a hide rule,
// applied to the stored posts), to compare with a run without them.
const RULES = process.env.BENCH_RULES === '1';
const applyRules = async () => {
  if (!RULES) return;
  const rules = [
    { id: 'bench-hl', action: 'highlight', match: 'regex', pattern: 'async\\s+await', fields: ['title'], scope: { kind: 'all' }, enabled: true },
    { id: 'bench-read', action: 'read', match: 'phrase', pattern: 'sqlite http', fields: ['title', 'content'], scope: { kind: 'all' }, enabled: true },
    // Hides posts #10000-#19999: none of the first 10,000 the scrolls go through.
    { id: 'bench-hide', action: 'hide', match: 'regex', pattern: '#1\\d{4}$', fields: ['title'], scope: { kind: 'all' }, enabled: true },
  ];
  await home.evaluate((r) => chrome.runtime.sendMessage({ type: 'save-rules', rules: r }), rules);
  await home.evaluate(() => chrome.runtime.sendMessage({ type: 'apply-rules' }));
};
await applyRules();
const t10 = await orrery.open('/timeline.html');
await t10.getByTestId('entry').first().waitFor();
const queries = ['python', 'pyth', 'async await', 'django fixture', 'zzzz', 'generator #12'];
const search10 = await searchLatency(t10, queries);
const scrollTitles = await scrollRiver(t10, 'titles', 10_000, 600000);
const scrollFull = await scrollRiver(t10, 'full', 2_000, 600000);
await t10.close();

// 100,000 posts: the popup and the timeline's first screen.
await seedPosts(home, { feeds: 200, posts: TOTAL - 10_000, from: 10_000 });
await applyRules();
const fullPopup = await medianMark(orrery, '/popup.html', 'orrery:counts');
const firstScreen = await medianMark(orrery, '/timeline.html', 'orrery:first-posts');
const t100 = await orrery.open('/timeline.html');
await t100.getByTestId('entry').first().waitFor();
const search100 = await searchLatency(t100, ['python', 'async await', 'zzzz']);
await t100.close();

const js = Object.fromEntries(['popup.html', 'timeline.html', 'options.html'].map((h) => [h, jsPerPage(h)]));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
rows.push(
  ['Popup: navigation → counts painted, empty store', ms(emptyPopup), '—'],
  [`Popup: navigation → counts painted, ${TOTAL.toLocaleString('en-US')} posts`, `${ms(fullPopup)} (+${(fullPopup - emptyPopup).toFixed(0)} ms)`, '≤ +50 ms'],
  [`Timeline: navigation → first screen of posts, ${TOTAL.toLocaleString('en-US')} posts`, ms(firstScreen), '≤ 150 ms'],
  [`Longest task scrolling through ${scrollTitles.reached.toLocaleString('en-US')} posts (titles view)`, `${ms(scrollTitles.longest)} (${scrollTitles.tasks} tasks > 50 ms, ${scrollTitles.seconds.toFixed(0)} s)`, '≤ 50 ms'],
  [`Longest task scrolling through ${scrollFull.reached.toLocaleString('en-US')} posts (full view)`, `${ms(scrollFull.longest)} (${scrollFull.tasks} tasks > 50 ms, ${scrollFull.seconds.toFixed(0)} s)`, '≤ 50 ms'],
  ['Search at 10,000 posts, per keystroke (index built), median / worst', `${ms(median(search10.warm))} / ${ms(Math.max(...search10.warm))}`, '≤ 100 ms'],
  ['Search at 10,000 posts, first query (builds the index)', ms(search10.cold), '—'],
  [`Search at ${TOTAL.toLocaleString('en-US')} posts, per keystroke / first query`, `${ms(median(search100.warm))} / ${ms(search100.cold)}`, '—'],
  ['JS, popup (gzipped)', `${kb(js['popup.html']!.gzip)} (${js['popup.html']!.files} files)`, '≤ 25 KB'],
  ['JS, timeline (gzipped)', `${kb(js['timeline.html']!.gzip)} (${js['timeline.html']!.files} files)`, '—'],
  ['JS, options (gzipped)', `${kb(js['options.html']!.gzip)} (${js['options.html']!.files} files)`, '—'],
);

console.log(`\nUI in Chromium ${orrery.context.browser()?.version() ?? ''}, medians of ${RUNS} runs${RULES ? ', rules on' : ''}\n`);
console.log('| measure | result | target |');
console.log('|---|---:|---:|');
for (const [name, value, target] of rows) console.log(`| ${name} | ${value} | ${target} |`);
await orrery.close();
await server.close();

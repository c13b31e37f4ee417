// `npm run bench:river-hidden`: the timeline's first screen when a mute rule hid the river's
// newest posts, against the same store with no rule, in one run (two fresh profiles measured
// in turn, so a change in the machine's load hits both). Prints a Markdown table.
//
//   BENCH_POSTS   posts stored (default 20,000)       BENCH_HIDDEN  newest posts hidden (default 2,000)
//   BENCH_RUNS    loads per median (default 7)        ORRERY_OUT    the build to measure (default .output-ui-bench)
//
// Before schema v6 the river's pages were read from indexes of every post and filtered: the
// first page came back empty and the river read past the hidden posts 40 at a time.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startFixtureServer } from '../test/server/fixture-server.mjs';
import type { Orrery } from '../test/browser/launch';
import { seedPosts } from '../test/browser/river-seed';

const ROOT = path.resolve(import.meta.dirname, '..');
process.env.ORRERY_OUT ??= '.output-ui-bench';
const { launchOrrery } = await import('../test/browser/launch');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TOTAL = Number(process.env.BENCH_POSTS ?? 20_000);
const HIDDEN = Number(process.env.BENCH_HIDDEN ?? 2_000);
if (HIDDEN < 1 || HIDDEN > 10_000 || HIDDEN >= TOTAL) throw new Error('bench-river-hidden: BENCH_HIDDEN must be 1-10,000 and below BENCH_POSTS');
if (process.env.ORRERY_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: process.env });

/** A regular expression matching titles ending in #0 … #(n-1): the seed's newest n posts. */
function newestTitles(n: number): string {
  const alts: string[] = [];
  const digits = String(n - 1).length;
  for (let d = 1; d < digits; d++) alts.push(d === 1 ? '\\d' : `[1-9]\\d{${d - 1}}`);
  // Numbers with as many digits as n - 1, below n, by their leading digit.
  const top = Number(String(n - 1)[0]);
  const rest = digits - 1;
  if (digits === 1) alts.push(`[0-${n - 1}]`);
  else {
    if (top > 1) alts.push(`[1-${top - 1}]\\d{${rest}}`);
    const tail = n - top * 10 ** rest; // numbers top·10^rest … n-1
    if (tail === 10 ** rest) alts.push(`${top}\\d{${rest}}`);
    else throw new Error('bench-river-hidden: BENCH_HIDDEN must be a digit followed by zeros (2000, 500, …)');
  }
  return `#(?:${alts.join('|')})$`;
}

const server = await startFixtureServer();
const profiles: Orrery[] = [];
for (const hide of [false, true]) {
  const orrery = await launchOrrery({ serverPort: server.port });
  const home = await orrery.open('/popup.html');
  await home.evaluate('globalThis.__name = (f) => f');
  await seedPosts(home, { feeds: 200, posts: TOTAL });
  if (hide) {
    const rule = { id: 'bench-hide-newest', action: 'hide', match: 'regex', pattern: newestTitles(HIDDEN), fields: ['title'], scope: { kind: 'all' }, enabled: true };
    const saved = await home.evaluate((r) => chrome.runtime.sendMessage({ type: 'save-rules', rules: [r] }), rule);
    if (!(saved as { ok: boolean }).ok) throw new Error(`bench-river-hidden: rule refused: ${JSON.stringify(saved)}`);
    const report = (await home.evaluate(() => chrome.runtime.sendMessage({ type: 'apply-rules' }))) as { hidden: number };
    if (report.hidden !== HIDDEN) throw new Error(`bench-river-hidden: the rule hid ${report.hidden} posts, not ${HIDDEN}`);
  }
  profiles.push(orrery);
}

async function timeToFirstPosts(orrery: Orrery, hash: string): Promise<number> {
  const page = await orrery.context.newPage();
  await page.goto(`chrome-extension://${orrery.extensionId}/timeline.html${hash}`);
  const t = await page.waitForFunction(() => performance.getEntriesByName('orrery:first-posts')[0]?.startTime, undefined, { timeout: 300_000 });
  const ms = (await t.jsonValue()) as number;
  await page.close();
  return ms;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const N = TOTAL.toLocaleString('en-US');
console.log(`\nTimeline first screen, ${N} posts, the newest ${HIDDEN.toLocaleString('en-US')} hidden by a rule against none hidden; medians of ${RUNS}\n`);
console.log('| river | no rule | newest hidden | ratio |');
console.log('|---|---:|---:|---:|');
for (const [name, hash] of [['everything', ''], ['a folder (Blogs)', '#folder=Blogs']] as const) {
  for (const p of profiles) await timeToFirstPosts(p, hash); // warm the browser's caches once
  const ts: number[][] = profiles.map(() => []);
  for (let i = 0; i < RUNS; i++) for (const [k, p] of profiles.entries()) ts[k]!.push(await timeToFirstPosts(p, hash));
  const [a, b] = ts.map(median) as [number, number];
  console.log(`| ${name} | ${a.toFixed(0)} ms | ${b.toFixed(0)} ms | ${(b / a).toFixed(2)} |`);
}
for (const p of profiles) await p.close();
await server.close();

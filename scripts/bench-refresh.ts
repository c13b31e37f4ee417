// `npm run bench:refresh`: refreshing Planet Python's 545 feeds in Chromium, against a bare
// fetch loop over the same URLs at the same concurrency in the same worker, in one run. The
// local server plays the publishers with 50-200 ms of latency per response. Each scenario
// refreshes twice: the second refresh is answered by 304s where the feed exists.
//
// Scenarios differ by the Orrery page left open while the refresh runs (the popup that
// started it, the options page after the OPML import, the timeline), by whether a page is
// opened DURING the refresh (time to its first screen against the same page opened idle),
// and by a machine kept busy by another process (a child spinning one core). Reports wall
// time, worker CPU and the open page's CPU (sampled through CDP), bytes, and the worker's heap.
//
//   BENCH_SCENARIOS=popup,options,...  runs those (default: the ones the README reports);
//                                      "all" adds the Planet-as-it-is and 39-feed scenarios
//   BENCH_PROFILE=1                    prints the top functions of the worker and the page
//   ORRERY_BENCH_COMPARE=<build dir>   runs each scenario with that build too (A/B in one run,
//                                      alternating, BENCH_ROUNDS times; rows named by build)
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '../test/server/fixture-server.mjs';
import { launchOrrery, type Orrery } from '../test/browser/launch';
import { sendFromPage, waitForRefresh } from '../test/browser/helpers';
import { attachToWorker, startWorkerCpu, workerHeapUsed, type CpuReport, type WorkerCdp } from '../test/browser/worker-cdp';

const ROOT = path.resolve(import.meta.dirname, '..');
process.env.ORRERY_OUT ??= '.output-bench';
const GLOBAL_LIMIT = 6; // the poller's global limit (lib/poll/run-due-polls.ts)
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const planetUrls = [...readFileSync(path.join(FIXTURES, 'planet-python.opml'), 'utf8').matchAll(/xmlUrl="([^"]+)"/g)].map((m) => m[1]!);
const urlmap = JSON.parse(readFileSync(path.join(FIXTURES, 'urlmap.json'), 'utf8')) as Record<string, string | null>;
const existing = planetUrls.filter((u) => urlmap[u]);
const mb = (n: number) => (n / 1e6).toFixed(2);
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);

interface Run {
  ms: number;
  cpuMs: number;
  pageCpuMs: number;
  requests: number;
  bytes: number;
}

/** Times to a page's first screen (ms from navigation start), opened during a refresh or idle. */
interface Screens {
  timeline: number[];
  popup: number[];
  /** Per sample, the page's own marks on the way (ms from navigation start): where the time went. */
  marks: { timeline: Record<string, number>[]; popup: Record<string, number>[] };
}

/** The marks a page sets on its way to the first screen, in order (public/open-early.js, the entrypoints, the river and popup). */
const STEPS = ['responseEnd', 'orrery:early-db', 'orrery:early-counts', 'orrery:module', 'orrery:first-page-read', 'orrery:counts', 'orrery:details', 'orrery:first-posts'];

interface Result {
  name: string;
  bare?: Run;
  first: Run;
  second: Run;
  heap: number;
  screens?: { first: Screens; second: Screens; idle: Screens };
}

type OpenPage = 'popup' | 'options' | 'timeline';

interface Scenario {
  key: string;
  name: string;
  urls: string[];
  alive: boolean;
  open: OpenPage;
  /** Opens the timeline and the popup again and again while each refresh runs, then idle. */
  screens?: boolean;
  busy?: boolean;
}

const ALL_ALIVE = `${planetUrls.length} feeds, all alive`;
const SCENARIOS: Scenario[] = [
  { key: 'popup', name: `${ALL_ALIVE}, popup open`, urls: planetUrls, alive: true, open: 'popup' },
  { key: 'options', name: `${ALL_ALIVE}, options page open`, urls: planetUrls, alive: true, open: 'options' },
  { key: 'timeline', name: `${ALL_ALIVE}, timeline open`, urls: planetUrls, alive: true, open: 'timeline' },
  { key: 'screens', name: `${ALL_ALIVE}, options open, pages opened during the refresh`, urls: planetUrls, alive: true, open: 'options', screens: true },
  { key: 'busy-options', name: `${ALL_ALIVE}, options open, busy machine`, urls: planetUrls, alive: true, open: 'options', busy: true },
  { key: 'busy-screens', name: `${ALL_ALIVE}, options open, pages opened during the refresh, busy machine`, urls: planetUrls, alive: true, open: 'options', screens: true, busy: true },
  { key: 'planet', name: `Planet Python, ${planetUrls.length} feeds (${existing.length} exist, the rest 404), popup open`, urls: planetUrls, alive: false, open: 'popup' },
  { key: 'existing', name: `the ${existing.length} feeds that exist, popup open`, urls: existing, alive: false, open: 'popup' },
];
const DEFAULT = ['popup', 'options', 'timeline', 'screens', 'busy-options', 'busy-screens'];
const asked = (process.env.BENCH_SCENARIOS ?? DEFAULT.join(',')).split(',').map((s) => s.trim());
const chosen = asked.includes('all') ? SCENARIOS : SCENARIOS.filter((s) => asked.includes(s.key));
if (chosen.length === 0) throw new Error(`bench-refresh: no scenario among ${asked.join(', ')}; known: ${SCENARIOS.map((s) => s.key).join(', ')}, all`);

function opmlOf(urls: string[]): Buffer {
  return Buffer.from(`<?xml version="1.0"?><opml version="2.0"><head><title>bench</title></head><body>${urls.map((u) => `<outline type="rss" text="${u}" xmlUrl="${u}"/>`).join('')}</body></opml>`);
}

/** A page's CPU, sampled the same way as the worker's (through the page's own CDP session). */
function pageCdp(session: CDPSession): WorkerCdp {
  return {
    send: <T,>(method: string, params: object = {}) => session.send(method as 'Profiler.start', params) as Promise<T>,
    detach: () => session.detach(),
  };
}

/** Opens a page and returns the time from its navigation start to its first screen. */
async function firstScreen(orrery: Orrery, which: 'timeline' | 'popup', into: Screens): Promise<void> {
  const page = await orrery.context.newPage();
  await page.goto(`chrome-extension://${orrery.extensionId}/${which}.html`);
  // The timeline marks its first posts; the popup marks its counts, then lists the newest posts:
  // its first screen is that list, sampled per animation frame.
  const ms =
    which === 'timeline'
      ? await page.waitForFunction(() => performance.getEntriesByName('orrery:first-posts')[0]?.startTime, undefined, { timeout: 120_000 })
      : await page.waitForFunction(() => (document.querySelector('[data-testid="recent-entry"]') ? performance.now() : undefined), undefined, { polling: 'raf', timeout: 120_000 });
  const value = (await ms.jsonValue()) as number;
  const marks = await page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const m of performance.getEntriesByType('mark')) out[m.name] ??= m.startTime;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (nav) out.responseEnd = nav.responseEnd;
    return out;
  });
  await page.close();
  into[which].push(value);
  into.marks[which].push(marks);
}

const noScreens = (): Screens => ({ timeline: [], popup: [], marks: { timeline: [], popup: [] } });

/** Opens the timeline and the popup in turn until the refresh is over (at least `min` each). */
async function screensDuring(orrery: Orrery, refreshing: () => boolean, min = 2): Promise<Screens> {
  const out = noScreens();
  while (refreshing() || out.timeline.length < min) {
    await firstScreen(orrery, 'timeline', out);
    await firstScreen(orrery, 'popup', out);
  }
  return out;
}

async function screensIdle(orrery: Orrery, n = 9): Promise<Screens> {
  const out = noScreens();
  for (let i = 0; i < n; i++) {
    await firstScreen(orrery, 'timeline', out);
    await firstScreen(orrery, 'popup', out);
  }
  return out;
}

/** One line per page: medians idle, during the first refresh, during the 304 refresh, and each step's marks. */
function screensSummary(s: { first: Screens; second: Screens; idle: Screens }): string {
  const fmt = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(0));
  return (['timeline', 'popup'] as const)
    .map((p) => {
      const at = (x: Screens, step: string) => fmt(median(x.marks[p].map((m) => m[step]).filter((n): n is number => n !== undefined)));
      const steps = STEPS.map((step) => `${step} ${at(s.idle, step)}/${at(s.first, step)}/${at(s.second, step)}`).join(', ');
      return `  ${p}: idle ${fmt(median(s.idle[p]))}, first ${fmt(median(s.first[p]))} (n=${s.first[p].length}), 304 ${fmt(median(s.second[p]))} (n=${s.second[p].length}); marks idle/first/304: ${steps}`;
    })
    .join('\n');
}

/** A child process spinning one core for the length of a scenario. */
function spinner(): ChildProcess {
  return spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
}

async function scenario(sc: Scenario, server: FixtureServer): Promise<Result> {
  const busy = sc.busy ? spinner() : undefined;
  try {
    const orrery: Orrery = await launchOrrery({ serverPort: server.port });
    const options = await orrery.open('/options.html');
    await options.getByTestId('opml-file').setInputFiles({ name: 'bench.opml', mimeType: 'text/x-opml', buffer: opmlOf(sc.urls) });
    await options.getByTestId('import-report').waitFor();
    await options.waitForTimeout(3000); // let the first staggered polls of the import settle
    // The page left open: the options page as the import left it, or the popup / timeline.
    let page: Page = options;
    if (sc.open !== 'options') {
      await options.close();
      page = await orrery.open(`/${sc.open}.html`);
    }
    const cdp = await attachToWorker(orrery.context, orrery.extensionId);
    const pcdp = pageCdp(await orrery.context.newCDPSession(page));
    const top = (who: string, r: CpuReport) => console.log(`${sc.key} ${who}:`, r.top.slice(0, 10).map((t) => `${t.ms.toFixed(0)} ${t.name}`).join('\n  '));

    const measure = async (label: string, work: () => Promise<number>): Promise<Run> => {
      const logFrom = server.log.length;
      const stopCpu = await startWorkerCpu(cdp);
      const stopPage = await startWorkerCpu(pcdp);
      const ms = await work();
      const cpu = await stopCpu();
      const pcpu = await stopPage();
      if (process.env.BENCH_PROFILE) {
        top(`${label} worker`, cpu);
        top(`${label} ${sc.open}`, pcpu);
      }
      const reqs = server.log.slice(logFrom);
      return { ms, cpuMs: cpu.busyMs, pageCpuMs: pcpu.busyMs, requests: reqs.length, bytes: reqs.reduce((n, r) => n + r.bytes, 0) };
    };
    const refresh = (label: string, during?: Screens[]) =>
      measure(label, async () => {
        const since = Date.now();
        const t0 = performance.now();
        await sendFromPage(page, { type: 'refresh-all' });
        let done = false;
        const finished = waitForRefresh(page, since, 600_000).then(() => {
          done = true;
          return performance.now() - t0;
        });
        if (during) {
          // Sample once the store has posts to show (a timeline of nothing marks nothing).
          for (;;) {
            const p = await sendFromPage<{ done: number; total: number }>(page, { type: 'get-refresh-progress' });
            if (done || p.done >= p.total * 0.15) break;
            await page.waitForTimeout(100);
          }
          during.push(await screensDuring(orrery, () => !done));
        }
        return finished;
      });
    const bareLoop = async () => {
      const worker = await orrery.worker();
      // A string, not a function: tsx would wrap named inner functions in a helper the worker lacks.
      return measure('bare', async () =>
        (await worker.evaluate(`(async () => {
          const urls = ${JSON.stringify(sc.urls)};
          const t0 = performance.now();
          let next = 0;
          async function lane() {
            while (next < urls.length) {
              const url = urls[next++];
              try { const res = await fetch(url, { cache: 'no-store', credentials: 'omit' }); await res.arrayBuffer(); } catch {}
            }
          }
          await Promise.all(Array.from({ length: ${GLOBAL_LIMIT} }, lane));
          return performance.now() - t0;
        })()`)) as number,
      );
    };
    let result: Result;
    if (sc.screens) {
      const during: Screens[] = [];
      const first = await refresh('first', during);
      const idle = await screensIdle(orrery);
      const second = await refresh('second', during);
      result = { name: sc.name, first, second, heap: await workerHeapUsed(cdp), screens: { first: during[0]!, second: during[1]!, idle } };
    } else {
      const bare1 = await bareLoop();
      const first = await refresh('first');
      const second = await refresh('second');
      const bare2 = await bareLoop();
      const bare: Run = {
        ms: (bare1.ms + bare2.ms) / 2,
        cpuMs: (bare1.cpuMs + bare2.cpuMs) / 2,
        pageCpuMs: (bare1.pageCpuMs + bare2.pageCpuMs) / 2,
        requests: bare1.requests,
        bytes: bare1.bytes,
      };
      result = { name: sc.name, bare, first, second, heap: await workerHeapUsed(cdp) };
    }
    await pcdp.detach().catch(() => undefined);
    await cdp.detach();
    await orrery.close();
    return result;
  } finally {
    if (busy?.pid !== undefined) process.kill(busy.pid);
  }
}

if (process.env.ORRERY_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: process.env });
const server = await startFixtureServer({ latency: [50, 200] });
const alive = await startFixtureServer({ latency: [50, 200], everyFeedExists: true });
const t0 = performance.now();
const results: Result[] = [];
// A/B: each scenario with the other build, then this one, in turn (ORRERY_OUT is read at launch).
const builds = process.env.ORRERY_BENCH_COMPARE ? [process.env.ORRERY_BENCH_COMPARE, process.env.ORRERY_OUT] : [undefined];
for (let round = 0; round < Number(process.env.BENCH_ROUNDS ?? 1); round++) {
  for (const sc of chosen) {
    for (const out of builds) {
      if (out) process.env.ORRERY_OUT = out;
      const r = await scenario(sc, sc.alive ? alive : server);
      if (out) r.name = `${r.name} [${path.basename(out)}]`;
      results.push(r);
      console.error(`${sc.key}${out ? ` ${path.basename(out)}` : ''}: done at ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      // A long run on a busy machine: each scenario's first screens as soon as it ends.
      if (r.screens) console.error(screensSummary(r.screens));
    }
  }
}
await server.close();
await alive.close();

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
console.log(`\nRefresh in Chromium: latency 50-200 ms per response, ${GLOBAL_LIMIT} requests at a time, 1 per host; ${((performance.now() - t0) / 60_000).toFixed(1)} min\n`);
console.log('| scenario | run | wall ms | worker CPU ms | open page CPU ms | requests | body MB | wall / bare |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const r of results.filter((x) => x.bare)) {
  const bare = r.bare!;
  const row = (label: string, x: Run) =>
    console.log(`| ${r.name} | ${label} | ${fmt(x.ms)} | ${fmt(x.cpuMs)} | ${fmt(x.pageCpuMs)} | ${x.requests} | ${mb(x.bytes)} | ${(x.ms / bare.ms).toFixed(2)} |`);
  row('bare fetch loop (mean of 2)', bare);
  row('Orrery, first refresh', r.first);
  row('Orrery, second refresh (304s)', r.second);
}
const withScreens = results.filter((x) => x.screens);
if (withScreens.length) {
  console.log('\nFirst screen of a page opened during a refresh against the same page opened idle (ms from navigation start, medians; n = samples):\n');
  console.log('| scenario | page | idle | during first refresh | during 304 refresh | during / idle (first, 304) |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const r of withScreens) {
    const s = r.screens!;
    for (const p of ['timeline', 'popup'] as const) {
      const idle = median(s.idle[p]);
      const a = median(s.first[p]);
      const b = median(s.second[p]);
      console.log(`| ${r.name} | ${p} | ${fmt(idle)} | ${fmt(a)} (n=${s.first[p].length}) | ${fmt(b)} (n=${s.second[p].length}) | ${(a / idle).toFixed(2)}, ${(b / idle).toFixed(2)} |`);
    }
  }
  console.log('\nWhere the first screen\'s time went: each step\'s mark, medians (ms from navigation start):\n');
  console.log('| scenario | page | step | idle | during first refresh | during 304 refresh |');
  console.log('|---|---|---|---:|---:|---:|');
  for (const r of withScreens) {
    const s = r.screens!;
    for (const p of ['timeline', 'popup'] as const) {
      const at = (x: Screens, step: string) => {
        const v = x.marks[p].map((m) => m[step]).filter((n): n is number => n !== undefined);
        return v.length ? fmt(median(v)) : '–';
      };
      for (const step of STEPS) {
        if (!s.idle.marks[p].some((m) => m[step] !== undefined)) continue;
        console.log(`| ${r.name} | ${p} | ${step} | ${at(s.idle, step)} | ${at(s.first, step)} | ${at(s.second, step)} |`);
      }
    }
  }
}
console.log('');
for (const r of results) {
  console.log(
    `${r.name}: second/first bytes ${((100 * r.second.bytes) / r.first.bytes).toFixed(1)}%, worker CPU ${((100 * r.second.cpuMs) / r.first.cpuMs).toFixed(1)}%; worker JS heap after GC ${mb(r.heap)} MB`,
  );
}

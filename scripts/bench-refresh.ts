// `npm run bench:refresh`: refreshing Planet Python's 545 feeds in Chromium, against a bare
// fetch loop over the same URLs at the same concurrency, in one run. The local server
// plays the publishers with 50-200 ms of latency per response (404 where there is no
// fixture). Each scenario refreshes twice: the second refresh is answered by 304s where
// the feed exists. Reports wall time, worker CPU (sampled), bytes, and the worker's heap.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startFixtureServer, type FixtureServer } from '../test/server/fixture-server.mjs';
import { launchOrrery, type Orrery } from '../test/browser/launch';
import { sendFromPage, waitForRefresh } from '../test/browser/helpers';
import { attachToWorker, startWorkerCpu, workerHeapUsed, type WorkerCdp } from '../test/browser/worker-cdp';

const ROOT = path.resolve(import.meta.dirname, '..');
process.env.ORRERY_OUT ??= '.output-bench';
const GLOBAL_LIMIT = 6; // the poller's global limit (lib/poll/run-due-polls.ts)
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const planetUrls = [...readFileSync(path.join(FIXTURES, 'planet-python.opml'), 'utf8').matchAll(/xmlUrl="([^"]+)"/g)].map((m) => m[1]!);
const urlmap = JSON.parse(readFileSync(path.join(FIXTURES, 'urlmap.json'), 'utf8')) as Record<string, string | null>;
const existing = planetUrls.filter((u) => urlmap[u]);
const mb = (n: number) => (n / 1e6).toFixed(2);

interface Run {
  ms: number;
  cpuMs: number;
  requests: number;
  bytes: number;
}

function opmlOf(urls: string[]): Buffer {
  return Buffer.from(`<?xml version="1.0"?><opml version="2.0"><head><title>bench</title></head><body>${urls.map((u) => `<outline type="rss" text="${u}" xmlUrl="${u}"/>`).join('')}</body></opml>`);
}

async function scenario(name: string, urls: string[], server: FixtureServer): Promise<{ name: string; bare: Run; first: Run; second: Run; heap: number }> {
  const orrery: Orrery = await launchOrrery({ serverPort: server.port });
  const options = await orrery.open('/options.html');
  await options.getByTestId('opml-file').setInputFiles({ name: 'bench.opml', mimeType: 'text/x-opml', buffer: opmlOf(urls) });
  await options.getByTestId('import-report').waitFor();
  await options.waitForTimeout(3000); // let the first staggered polls of the import settle
  // Drive the refresh from the popup, as a user would; the options page, which re-reads its
  // 545-row table on every change, is closed so it does not compete for IndexedDB.
  await options.close();
  const page = await orrery.open('/popup.html');
  const cdp: WorkerCdp = await attachToWorker(orrery.context, orrery.extensionId);

  const measure = async (work: () => Promise<number>): Promise<Run> => {
    const logFrom = server.log.length;
    const stopCpu = await startWorkerCpu(cdp);
    const ms = await work();
    const cpu = await stopCpu();
    const cpuMs = cpu.busyMs;
    if (process.env.BENCH_PROFILE) console.log(name, cpu.top.slice(0, 8));
    const reqs = server.log.slice(logFrom);
    return { ms, cpuMs, requests: reqs.length, bytes: reqs.reduce((n, r) => n + r.bytes, 0) };
  };
  const refresh = () =>
    measure(async () => {
      const since = Date.now();
      const t0 = performance.now();
      await sendFromPage(page, { type: 'refresh-all' });
      await waitForRefresh(page, since, 600_000);
      return performance.now() - t0;
    });
  const bareLoop = async () => {
    const worker = await orrery.worker();
    // A string, not a function: tsx would wrap named inner functions in a helper the worker lacks.
    return measure(async () =>
      (await worker.evaluate(`(async () => {
        const urls = ${JSON.stringify(urls)};
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
  const bare1 = await bareLoop();
  const first = await refresh();
  const second = await refresh();
  const bare2 = await bareLoop();
  const heap = await workerHeapUsed(cdp);
  await cdp.detach();
  await orrery.close();
  const bare: Run = { ms: (bare1.ms + bare2.ms) / 2, cpuMs: (bare1.cpuMs + bare2.cpuMs) / 2, requests: bare1.requests, bytes: bare1.bytes };
  return { name, bare, first, second, heap };
}

execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: process.env });
const server = await startFixtureServer({ latency: [50, 200] });
const alive = await startFixtureServer({ latency: [50, 200], everyFeedExists: true });
const results = [
  await scenario(`Planet Python, ${planetUrls.length} feeds (${existing.length} exist, the rest 404)`, planetUrls, server),
  await scenario(`the ${existing.length} feeds that exist`, existing, server),
  await scenario(`${planetUrls.length} feeds, all alive (fixtures reused)`, planetUrls, alive),
];
await server.close();
await alive.close();

console.log(`\nRefresh in Chromium: latency 50-200 ms per response, ${GLOBAL_LIMIT} requests at a time, 1 per host\n`);
console.log('| scenario | run | wall ms | worker CPU ms | requests | body MB | wall / bare |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  const row = (label: string, x: Run) =>
    console.log(`| ${r.name} | ${label} | ${x.ms.toFixed(0)} | ${x.cpuMs.toFixed(0)} | ${x.requests} | ${mb(x.bytes)} | ${(x.ms / r.bare.ms).toFixed(2)} |`);
  row('bare fetch loop (mean of 2)', r.bare);
  row('Orrery, first refresh', r.first);
  row('Orrery, second refresh (304s)', r.second);
}
console.log('');
for (const r of results) {
  console.log(
    `${r.name}: second/first bytes ${((100 * r.second.bytes) / r.first.bytes).toFixed(1)}%, worker CPU ${((100 * r.second.cpuMs) / r.first.cpuMs).toFixed(1)}%; worker JS heap after GC ${mb(r.heap)} MB`,
  );
}

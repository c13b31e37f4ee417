// `npm run bench:refresh`: refreshing Planet Python's 545 feeds in Chromium, against a bare
// fetch loop over the same URLs at the same concurrency, in one run. The local server
// plays the publishers with 50-200 ms of latency per response (404 where there is no
// fixture). Then a second refresh, answered by 304s, and the worker's heap after it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startFixtureServer } from '../test/server/fixture-server.mjs';
import { launchOrrery } from '../test/browser/launch';
import { sendFromPage, waitForRefresh } from '../test/browser/helpers';
import { attachToWorker, startWorkerCpu, workerHeapUsed } from '../test/browser/worker-cdp';

const ROOT = path.resolve(import.meta.dirname, '..');
process.env.ORRERY_OUT ??= '.output-bench';
const GLOBAL_LIMIT = 6; // the poller's global limit (lib/poll/run-due-polls.ts)

execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: process.env });
const server = await startFixtureServer({ latency: [50, 200] });
const orrery = await launchOrrery({ serverPort: server.port });
const opmlPath = path.join(ROOT, 'test', 'fixtures', 'planet-python.opml');
const urls = [...readFileSync(opmlPath, 'utf8').matchAll(/xmlUrl="([^"]+)"/g)].map((m) => m[1]!);

const page = await orrery.open('/options.html');
await page.getByTestId('opml-file').setInputFiles(opmlPath);
await page.getByTestId('import-report').waitFor();
await page.waitForTimeout(3000); // let the first staggered polls of the import settle

const cdp = await attachToWorker(orrery.context, orrery.extensionId);
const mb = (n: number) => (n / 1e6).toFixed(2);

async function orreryRefresh() {
  const since = Date.now();
  const logFrom = server.log.length;
  const stopCpu = await startWorkerCpu(cdp);
  const t0 = performance.now();
  await sendFromPage(page, { type: 'refresh-all' });
  await waitForRefresh(page, since, 600_000);
  const ms = performance.now() - t0;
  const cpu = await stopCpu();
  const cpuMs = cpu.busyMs;
  if (process.env.BENCH_PROFILE) console.log('top self time', cpu.top);
  const reqs = server.log.slice(logFrom);
  return {
    ms,
    cpuMs,
    requests: reqs.length,
    bytes: reqs.reduce((n, r) => n + r.bytes, 0),
    status: reqs.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {}),
    maxPerHost: Math.max(...reqs.map((r) => r.concurrentOnHost)),
  };
}

async function bareLoop() {
  const worker = await orrery.worker();
  const logFrom = server.log.length;
  const stopCpu = await startWorkerCpu(cdp);
  // A string, not a function: tsx would wrap named inner functions in a helper the worker lacks.
  const ms = (await worker.evaluate(`(async () => {
    const urls = ${JSON.stringify(urls)};
    const t0 = performance.now();
    let next = 0;
    async function lane() {
      while (next < urls.length) {
        const url = urls[next++];
        try {
          const res = await fetch(url, { cache: 'no-store', credentials: 'omit' });
          await res.arrayBuffer();
        } catch {}
      }
    }
    await Promise.all(Array.from({ length: ${GLOBAL_LIMIT} }, lane));
    return performance.now() - t0;
  })()`)) as number;
  const cpuMs = (await stopCpu()).busyMs;
  const reqs = server.log.slice(logFrom);
  return { ms, cpuMs, requests: reqs.length, bytes: reqs.reduce((n, r) => n + r.bytes, 0) };
}

const bare1 = await bareLoop();
const first = await orreryRefresh();
const heapAfterFirst = await workerHeapUsed(cdp);
const second = await orreryRefresh();
const heapAfterSecond = await workerHeapUsed(cdp);
const bare2 = await bareLoop();
const bareMs = (bare1.ms + bare2.ms) / 2;

const rows = [
  ['bare fetch loop (mean of 2)', bareMs, (bare1.cpuMs + bare2.cpuMs) / 2, bare1.requests, bare1.bytes, '1.00'],
  ['Orrery refresh (first, 200/404)', first.ms, first.cpuMs, first.requests, first.bytes, (first.ms / bareMs).toFixed(2)],
  ['Orrery refresh (second, 304/404)', second.ms, second.cpuMs, second.requests, second.bytes, (second.ms / bareMs).toFixed(2)],
] as const;
console.log(`\nRefresh of ${urls.length} feeds, latency 50-200 ms per response, ${GLOBAL_LIMIT} requests at a time, 1 per host\n`);
console.log('| run | wall ms | worker CPU ms | requests | body MB | wall / bare |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, ms, cpu, n, bytes, ratio] of rows) console.log(`| ${name} | ${ms.toFixed(0)} | ${cpu.toFixed(0)} | ${n} | ${mb(bytes)} | ${ratio} |`);
console.log(`\nfirst refresh statuses ${JSON.stringify(first.status)}; second ${JSON.stringify(second.status)}; max concurrent requests per host ${Math.max(first.maxPerHost, second.maxPerHost)}`);
console.log(`second / first: bytes ${((100 * second.bytes) / first.bytes).toFixed(1)}%, worker CPU ${((100 * second.cpuMs) / first.cpuMs).toFixed(1)}%`);
console.log(`worker JS heap after GC: ${mb(heapAfterFirst)} MB after the first refresh, ${mb(heapAfterSecond)} MB after the second`);

await cdp.detach();
await orrery.close();
await server.close();

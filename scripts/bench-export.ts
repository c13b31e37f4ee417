// `npm run bench:export`: "Publish your Planet" of 10,000 stored posts in Chromium, through the
// options page's button (read, sanitize, render the five files, zip), beside the bare read of
// the same posts from IndexedDB in the same page and run. Prints a Markdown table.
//
//   export        click -> the "orrery:planet-export" measure (the zip's Blob handed to the download)
//   steps         the orrery:export-* measures: read, clean (sanitize + web links only), render, zip
//   bare read     getAll() of every post in the page: the floor any export pays
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startFixtureServer } from '../test/server/fixture-server.mjs';
import { seedPosts } from '../test/browser/river-seed';

const ROOT = path.resolve(import.meta.dirname, '..');
process.env.ORRERY_OUT ??= '.output-export-bench';
// Imported after ORRERY_OUT is set: launch.ts reads it when it loads.
const { launchOrrery } = await import('../test/browser/launch');
const POSTS = Number(process.env.BENCH_POSTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

if (process.env.ORRERY_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: process.env });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const server = await startFixtureServer();
const orrery = await launchOrrery({ serverPort: server.port });
try {
  const options = await orrery.open('/options.html');
  // tsx names functions with a __name helper the page does not have.
  const named = () => options.evaluate('globalThis.__name = (f) => f');
  await named();
  await seedPosts(options, { feeds: 200, posts: POSTS });
  await options.reload();
  await named();
  const rows: Record<string, number[]> = {};
  const add = (k: string, v: number) => (rows[k] ??= []).push(v);
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const bare = await options.evaluate(async () => {
      const t0 = performance.now();
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('orrery');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise((resolve) => {
        const r = db.transaction('posts').objectStore('posts').getAll();
        r.onsuccess = () => resolve(r.result.length);
      });
      db.close();
      return performance.now() - t0;
    });
    add('bare read', bare);
    await options.evaluate(() => performance.clearMeasures());
    const [download] = await Promise.all([options.waitForEvent('download', { timeout: 600_000 }), options.getByTestId('planet-export').click()]);
    const size = await download.createReadStream().then(
      (s) =>
        new Promise<number>((resolve) => {
          let n = 0;
          s.on('data', (c: Buffer) => (n += c.length));
          s.on('end', () => resolve(n));
        }),
    );
    bytes = size;
    const m = await options.evaluate(() => Object.fromEntries(performance.getEntriesByType('measure').filter((e) => e.name.startsWith('orrery:')).map((e) => [e.name, e.duration])));
    add('export', m['orrery:planet-export'] ?? NaN);
    for (const s of ['read', 'clean', 'render', 'zip']) add(`  ${s}`, m[`orrery:export-${s}`] ?? NaN);
  }
  const base = median(rows['bare read']!);
  console.log(`\n### Planet export of ${POSTS.toLocaleString('en-US')} posts (200 feeds), medians of ${RUNS}, zip ${(bytes / 1e6).toFixed(1)} MB\n`);
  console.log('| measure | ms | / bare read |');
  console.log('|---|---:|---:|');
  for (const [k, v] of Object.entries(rows)) console.log(`| ${k} | ${median(v).toFixed(0)} | ${(median(v) / base).toFixed(1)} |`);
} finally {
  await orrery.close();
  await server.close();
}

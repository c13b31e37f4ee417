// `npm run bench:storage`: Orrery's storage code in Chromium's IndexedDB at 100,000 posts.
// Inserts 100 feeds x 1,000 posts through commitPoll (the code path of a poll), then times
// the reads every page makes: unread counts and the newest page of posts.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { startFixtureServer } from '../test/server/fixture-server.mjs';
import { launchOrrery } from '../test/browser/launch';

const ROOT = path.resolve(import.meta.dirname, '..');
process.env.ORRERY_OUT ??= '.output-bench';
const FEEDS = Number(process.env.BENCH_FEEDS ?? 100);
const PER_FEED = Number(process.env.BENCH_PER_FEED ?? 1000);

execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: process.env });
const bundle = await build({
  entryPoints: [path.join(ROOT, 'scripts', 'bench-storage-entry.ts')],
  bundle: true,
  format: 'iife',
  write: false,
  platform: 'browser',
  target: 'chrome120',
});
const server = await startFixtureServer();
const orrery = await launchOrrery({ serverPort: server.port });
const page = await orrery.open('/options.html');
await page.evaluate(bundle.outputFiles[0]!.text);

// The bench body runs in the page; it is a string so tsx's helpers do not leak into it.
const result = (await page.evaluate(`(async () => {
  const S = globalThis.orreryStorage;
  let db = await S.openOrreryDb('orrery-bench');
  const FEEDS = ${FEEDS}, PER_FEED = ${PER_FEED};
  const folders = ['Blogs', 'Podcasts', 'Companies', 'User groups'];
  const inputs = Array.from({ length: FEEDS }, (_, i) => ({ url: 'http://f' + i + '.example/feed.xml', title: 'Feed ' + i, folder: folders[i % 4], firstCheckAt: 0 }));
  const { added } = await S.addFeeds(db, inputs, Date.now());
  const body = '<p>' + 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(18) + '</p>';
  const insertMs = [];
  const base = Date.UTC(2026, 0, 1);
  for (let f = 0; f < added.length; f++) {
    const items = Array.from({ length: PER_FEED }, (_, j) => ({
      id: 'f' + f + '-p' + j, url: 'http://f' + f + '.example/p/' + j, title: 'Post ' + j + ' of feed ' + f,
      published: base - (j * 3600_000) - f * 60_000, contentHtml: body, enclosures: [], categories: [],
    }));
    const t0 = performance.now();
    await S.commitPoll(db, added[f].id, (x) => x, items, Date.now());
    insertMs.push((performance.now() - t0) / (PER_FEED / 1000));
  }
  // Read some, star some, as a real store has.
  await S.setRead(db, Array.from({ length: 20000 }, (_, k) => [added[k % FEEDS].id, 'f' + (k % FEEDS) + '-p' + Math.floor(k / FEEDS)]), true);
  for (let k = 0; k < 200; k++) await S.setStarred(db, [added[k % FEEDS].id, 'f' + (k % FEEDS) + '-p' + (k * 3)], true);
  if (${process.env.BENCH_SETTLE ? 'true' : 'false'}) {
    db.close();
    await new Promise((r) => setTimeout(r, ${Number(process.env.BENCH_SETTLE ?? 0)}));
    db = await S.openOrreryDb('orrery-bench');
  }
  async function time(fn, n = 30) {
    const ts = [];
    for (let i = 0; i < n; i++) { const t0 = performance.now(); await fn(); ts.push(performance.now() - t0); }
    ts.sort((a, b) => a - b);
    return { median: ts[Math.floor(ts.length / 2)], p95: ts[Math.floor(ts.length * 0.95)] };
  }
  const one = added[7].id;
  const rows = {
    'count unread (total)': await time(() => S.countUnread(db)),
    'count unread (one folder)': await time(() => S.countUnreadInFolder(db, 'Blogs')),
    'count unread (all 100 feeds, one tx)': await time(() => S.countUnreadByFeed(db, added.map((a) => a.id)), 10),
    'newest 50 (all)': await time(() => S.queryPosts(db, { filter: 'all', limit: 50 })),
    'newest 50 (unread)': await time(() => S.queryPosts(db, { filter: 'unread', limit: 50 })),
    'newest 50 (one feed)': await time(() => S.queryPosts(db, { filter: 'all', feedId: one, limit: 50 })),
    'newest 50 (one folder, unread)': await time(() => S.queryPosts(db, { filter: 'unread', folder: 'Blogs', limit: 50 })),
    'newest 50 (starred)': await time(() => S.queryPosts(db, { filter: 'starred', limit: 50 })),
  };
  const page2 = await S.queryPosts(db, { filter: 'all', limit: 50 });
  rows['next 50 (all, cursor)'] = await time(() => S.queryPosts(db, { filter: 'all', limit: 50, after: page2.next }));
  insertMs.sort((a, b) => a - b);
  return { posts: FEEDS * PER_FEED, insert: { median: insertMs[Math.floor(insertMs.length / 2)], p95: insertMs[Math.floor(insertMs.length * 0.95)] }, rows };
})()`)) as { posts: number; insert: { median: number; p95: number }; rows: Record<string, { median: number; p95: number }> };

console.log(`\nStorage in Chromium IndexedDB, ${result.posts.toLocaleString('en-US')} posts (${FEEDS} feeds), Orrery's own lib/db code\n`);
console.log('| operation | median ms | p95 ms |');
console.log('|---|---:|---:|');
console.log(`| insert 1,000 posts (commitPoll) | ${result.insert.median.toFixed(1)} | ${result.insert.p95.toFixed(1)} |`);
for (const [name, t] of Object.entries(result.rows)) console.log(`| ${name} | ${t.median.toFixed(2)} | ${t.p95.toFixed(2)} |`);
await orrery.close();
await server.close();

// `npm run bench:sync`: Orrery's sync engine against the real FreshRSS of ../shared/freshrss.
// Subscriptions: SUBS generated feeds of POSTS_PER_FEED posts (default 500 × 40 = 20,000), served
// by the fixture server and loaded into FreshRSS with its own CLI (OPML import + refresh), so
// the bench measures the sync, not FreshRSS's feed fetching. Orrery's side runs in Node on
// fake-indexeddb (the same code the worker runs; Chromium's IndexedDB is faster at writes).
//
// Measured, in one run: (1) the first sync: requests, bytes, seconds, posts stored per second,
// and the same API requests as a bare fetch loop (no storing) as the baseline; (2) an
// incremental sync after 100 changes on each side: requests; (3) the feed requests Orrery
// would make for synced feeds: the feeds its poller finds due (a year ahead) and a "refresh
// now" makes due.
//
//   npm run bench:sync                 SUBS=50 POSTS_PER_FEED=20 npm run bench:sync (quick)
//   FRESHRSS_DATA=/tmp/dir npm run bench:sync   reuses a data directory a previous run loaded
//   (KEEP_FRESHRSS_DATA=1 keeps it): loading 20,000 posts into FreshRSS took 37 min here.
import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { dueFeeds, makeAllDue } from '../lib/db/feeds';
import { openOrreryDb } from '../lib/db/open-db';
import { setRead } from '../lib/db/posts';
import { createGReaderClient, type GReaderClient } from '../lib/sync/greader-client';
import { READ, READING_LIST } from '../lib/sync/greader-ids';
import { runSync } from '../lib/sync/run-sync';
import { enqueue, stateEntries } from '../lib/sync/sync-queue';
import { kitMissing, startFreshRss } from '../test/browser/sync-freshrss';
import { startFixtureServer } from '../test/server/fixture-server.mjs';

const SUBS = Number(process.env.SUBS ?? 500);
const PER_FEED = Number(process.env.POSTS_PER_FEED ?? 40);
const run = promisify(execFile);

const missing = kitMissing();
if (missing) {
  console.log(`bench:sync skipped: ${missing}`);
  process.exit(0);
}

const feeds = await startFixtureServer({ everyFeedExists: true });
feeds.gen.step = 1;
const reuse = process.env.FRESHRSS_DATA;
const keepDir = process.env.KEEP_FRESHRSS_DATA === '1' ? mkdtempSync(path.join(tmpdir(), 'orrery-bench-freshrss-')) : undefined;
const fresh = await startFreshRss({ feedPort: feeds.port, ...(reuse || keepDir ? { dataDir: reuse ?? keepDir } : {}) });
if (keepDir) console.log(`FreshRSS data kept in ${keepDir}`);
try {
  // --- the service: SUBS feeds in 10 folders, loaded with FreshRSS's CLI ----------------------
  const t0 = performance.now();
  if (!reuse) await load();
  async function load(): Promise<void> {
  const outlines = Array.from({ length: SUBS }, (_, i) => ({ folder: `Folder ${i % 10}`, url: `http://blog${i}.example/gen/${i}/${PER_FEED}.xml`, title: `Blog ${i}` }));
  const byFolder = new Map<string, typeof outlines>();
  for (const o of outlines) byFolder.set(o.folder, [...(byFolder.get(o.folder) ?? []), o]);
  const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>bench</title></head><body>${[...byFolder]
    .map(([f, os]) => `<outline text="${f}">${os.map((o) => `<outline type="rss" text="${o.title}" xmlUrl="${o.url}"/>`).join('')}</outline>`)
    .join('')}</body></opml>`;
  const opmlFile = path.join(tmpdir(), `orrery-bench-sync-${process.pid}.opml`);
  writeFileSync(opmlFile, opml);
  await run('php', [path.join(fresh.appDir, 'cli/import-for-user.php'), '--user', fresh.user, '--filename', opmlFile]);
  const act = await fresh.actualize();
  console.log(`FreshRSS loaded: ${act.trim()} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }

  // --- counting fetch -----------------------------------------------------------------------
  const counter = { requests: 0, bytes: 0 };
  const counted: typeof fetch = async (input, init) => {
    counter.requests++;
    const res = await fetch(input, init);
    const body = await res.arrayBuffer();
    counter.bytes += body.byteLength;
    return new Response(body, { status: res.status, headers: res.headers });
  };
  const account = { server: fresh.api, username: fresh.user, password: fresh.apiPassword };
  const client = (f: typeof fetch): GReaderClient => createGReaderClient({ fetch: f, now: Date.now, account });

  // --- baseline: the same reads as a bare loop, nothing stored --------------------------------
  const base = { requests: 0, bytes: 0 };
  const bare: typeof fetch = async (input, init) => {
    base.requests++;
    const res = await fetch(input, init);
    const body = await res.arrayBuffer();
    base.bytes += body.byteLength;
    return new Response(body, { status: res.status, headers: res.headers });
  };
  const tb = performance.now();
  const b = client(bare);
  await b.subscriptions();
  const ids = await b.allItemIds({}, 20_000);
  for (let i = 0; i < ids.length; i += 250) await b.itemContents(ids.slice(i, i + 250));
  await b.allItemIds({ xt: READ }, 100_000);
  await b.allItemIds({ s: 'user/-/state/com.google/starred' }, 100_000);
  const bareSeconds = (performance.now() - tb) / 1000;

  // --- first sync -----------------------------------------------------------------------------
  const db = await openOrreryDb(`bench-sync-${process.pid}`);
  const c = client(counted);
  const t1 = performance.now();
  const first = await runSync({ db, client: c, now: Date.now }, {});
  const firstSeconds = (performance.now() - t1) / 1000;
  const firstCounts = { ...counter };

  // --- 100 changes on each side, then an incremental sync -------------------------------------
  const synced = await db.getAllFromIndex('posts', 'bySyncItem');
  const local = synced.slice(0, 100);
  await setRead(db, local.map((p) => [p.feedId, p.id]), true);
  await enqueue(db, await stateEntries(db, local.map((p) => [p.feedId, p.id]), 'read', true, Date.now()));
  const remote = synced.slice(100, 200).map((p) => p.syncItemId!);
  await client(fetch).editTag(remote, { add: READ });
  counter.requests = 0;
  counter.bytes = 0;
  const t2 = performance.now();
  const second = await runSync({ db, client: c, now: Date.now }, first.cursor);
  const incSeconds = (performance.now() - t2) / 1000;
  const remoteApplied = (await Promise.all(remote.map((id) => db.getFromIndex('posts', 'bySyncItem', id)))).filter((p) => p?.read === 1).length;
  const serviceUnread = new Set(await client(fetch).allItemIds({ s: READING_LIST, xt: READ }, 100_000));
  const localApplied = local.filter((p) => !serviceUnread.has(p.syncItemId!)).length;

  // --- feed requests Orrery would make for synced feeds ---------------------------------------
  const due = (await dueFeeds(db, Date.now() + 365 * 86_400_000)).length;
  const madeDue = await makeAllDue(db, Date.now());
  const stored = await db.count('posts');
  const allFeeds = await db.count('feeds');

  console.log(`\n### bench:sync: ${SUBS} subscriptions, ${SUBS * PER_FEED} posts on FreshRSS 1.24.3 (php -S), Orrery in Node (fake-indexeddb)\n`);
  console.log('| sync | requests | MB received | seconds | posts stored | posts stored/s | seconds / bare fetch loop |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  console.log(`| bare fetch loop (same reads, nothing stored) | ${base.requests} | ${(base.bytes / 1e6).toFixed(2)} | ${bareSeconds.toFixed(1)} | – | – | 1.00 |`);
  console.log(`| first sync | ${firstCounts.requests} | ${(firstCounts.bytes / 1e6).toFixed(2)} | ${firstSeconds.toFixed(1)} | ${first.result.postsAdded} | ${Math.round(first.result.postsAdded / firstSeconds)} | ${(firstSeconds / bareSeconds).toFixed(2)} |`);
  console.log(`| incremental, after 100 changes on each side | ${counter.requests} | ${(counter.bytes / 1e6).toFixed(2)} | ${incSeconds.toFixed(1)} | ${second.result.postsAdded} | – | – |`);
  console.log(`\nFirst sync: ${first.result.added} subscriptions added with their folders, ${stored} posts stored, ${allFeeds} feeds.`);
  console.log(`Incremental: ${second.result.statesSent} local changes sent (${localApplied}/100 read on the service), ${second.result.statesChanged} posts changed from the service (${remoteApplied}/100 remote reads applied).`);
  console.log(`Feed requests Orrery makes for synced feeds: ${due} due within a year, ${madeDue} made due by "refresh now" (of ${allFeeds} synced feeds).`);
} finally {
  await fresh.dispose();
  await feeds.close();
}

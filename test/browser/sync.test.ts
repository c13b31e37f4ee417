/**
 * Sync with a real FreshRSS (../shared/freshrss, started here on a free port): connecting from
 * the options page (with the failures a user meets first), subscriptions and folders both ways,
 * read and starred both ways, a change made while the service is stopped, disconnecting.
 * FreshRSS fetches the feeds from its own copy of the fixture server, so the fixture server
 * Chromium talks to counts Orrery's own requests only.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server.mjs';
import { createGReaderClient, type GReaderClient } from '../../lib/sync/greader-client';
import { READ, STARRED, labelId } from '../../lib/sync/greader-ids';
import { closeAll, launchWithFixtures, type Orrery } from './launch';
import { sendFromPage } from './helpers';
import { kitMissing, startFreshRss, type FreshRss } from './sync-freshrss';
import { readSyncDb } from './sync-db';

const missing = kitMissing();
if (missing) console.warn(`[sync] browser sync tests skipped: ${missing}`);

const LOCAL = 'http://pythonbytes.example/feed.xml';
const REMOTE = 'http://real-python.example/feed.xml';
const IMPORTED = 'http://ned-batchelder.example/atom.xml';

const readDb = readSyncDb;

describe.skipIf(missing !== undefined)('sync with FreshRSS', () => {
  let server: FixtureServer;
  let serviceFeeds: FixtureServer;
  let orrery: Orrery;
  let fresh: FreshRss;
  let service: GReaderClient;
  let options: Page;

  const status = () => options.getByTestId('sync-status').textContent();
  /** Waits for a pass that ended after `since` without an error. */
  const synced = async (since: number) => {
    await expect
      .poll(async () => {
        const s = (await options.evaluate(() => chrome.storage.local.get('syncStatus'))).syncStatus as { lastSyncAt?: number; running?: boolean; error?: unknown } | undefined;
        return s && !s.running && !s.error && (s.lastSyncAt ?? 0) >= since;
      }, { timeout: 60_000 })
      .toBe(true);
  };
  const syncNow = async () => {
    const t = Date.now();
    await options.getByTestId('sync-now').click();
    await synced(t);
  };

  beforeAll(async () => {
    ({ server, orrery } = await launchWithFixtures());
    serviceFeeds = await startFixtureServer();
    fresh = await startFreshRss({ feedPort: serviceFeeds.port });
    service = createGReaderClient({ fetch, now: Date.now, account: { server: fresh.api, username: fresh.user, password: fresh.apiPassword } });
    // The service carries one feed, in a folder; Orrery has another of its own, polled.
    await service.editSubscription({ ac: 'subscribe', s: `feed/${REMOTE}`, a: labelId('Tutorials') });
    options = await orrery.open('/options.html');
    const r = await sendFromPage<{ ok: boolean }>(options, { type: 'subscribe', url: LOCAL, folder: 'Podcasts' });
    expect(r.ok).toBe(true);
    for (const until = Date.now() + 60_000; (await readDb(options)).posts.length === 0; ) {
      if (Date.now() > until) throw new Error(`${LOCAL} was not polled within 60 s`);
      await options.waitForTimeout(200);
    }
  }, 180_000);

  afterAll(async () => {
    await fresh?.dispose();
    await serviceFeeds?.close();
    await closeAll({ server, orrery });
  });

  const fill = async (serverAddress: string, password: string) => {
    await options.getByTestId('sync-server').fill(serverAddress);
    await options.getByTestId('sync-username').fill(fresh.user);
    await options.getByTestId('sync-password').fill(password);
    await options.getByTestId('sync-connect').click();
  };

  it('names the web UI address as not the API, and says which address to use', async () => {
    await fill(fresh.web, fresh.apiPassword);
    await expect.poll(status).toContain('is not a Google Reader API address');
    expect(await status()).toContain(`Use ${fresh.api}`);
  });

  it('says the credentials are wrong', async () => {
    await fill(fresh.api, 'not-the-api-password');
    await expect.poll(status).toContain('Wrong username or API password');
    expect(await options.getByTestId('sync-now').count()).toBe(0);
  });

  it('connects; subscriptions and folders go both ways; the service feed is not polled by Orrery', async () => {
    const t = Date.now();
    await fill(fresh.api, fresh.apiPassword);
    await expect.poll(status).toContain(`Connected to ${fresh.api} as orrery`);
    await synced(t);
    expect(await status()).toContain('Last sync:');
    const { feeds, posts } = await readDb(options);
    const remote = feeds.find((f) => f.url === REMOTE);
    expect(remote).toMatchObject({ folder: 'Tutorials', syncId: expect.stringMatching(/^feed\//) as unknown });
    expect(posts.filter((p) => p.feedId === remote!.id).length).toBeGreaterThan(0);
    // Orrery's own feed went to the service, in its folder, and its posts were matched, not doubled.
    const subs = await service.subscriptions();
    expect(subs.find((s) => s.url === LOCAL)?.folder).toBe('Podcasts');
    const local = feeds.find((f) => f.url === LOCAL)!;
    expect(local.syncId).toBe(subs.find((s) => s.url === LOCAL)?.id);
    const localPosts = posts.filter((p) => p.feedId === local.id);
    expect(localPosts.every((p) => p.syncItemId !== undefined)).toBe(true);
    // Orrery never asked for the service's feed, and a "refresh now" asks for neither synced feed.
    const before = server.log.length;
    expect(server.log.filter((e) => e.url === REMOTE)).toHaveLength(0);
    const started = Date.now();
    await sendFromPage(options, { type: 'refresh-all' });
    await expect.poll(async () => (await sendFromPage<{ running: boolean; startedAt: number }>(options, { type: 'get-refresh-progress' })).running).toBe(false);
    expect(started).toBeGreaterThan(0);
    expect(server.log.slice(before).filter((e) => e.url === REMOTE || e.url === LOCAL)).toEqual([]);
  });

  it('moves and renames go both ways', async () => {
    const { feeds } = await readDb(options);
    const local = feeds.find((f) => f.url === LOCAL)!;
    const remote = feeds.find((f) => f.url === REMOTE)!;
    await sendFromPage(options, { type: 'update-feed', feedId: local.id, changes: { folder: 'Audio' } });
    await service.editSubscription({ ac: 'edit', s: remote.syncId!, t: 'Real Python (renamed there)' });
    await syncNow();
    expect((await service.subscriptions()).find((s) => s.url === LOCAL)?.folder).toBe('Audio');
    await expect.poll(async () => (await readDb(options)).feeds.find((f) => f.url === REMOTE)?.title).toBe('Real Python (renamed there)');
  });

  it('an OPML import into the synced account adds the feeds to the service', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><body><outline text="Imported"><outline type="rss" text="Bytes too" xmlUrl="${IMPORTED}"/></outline></body></opml>`;
    const r = await sendFromPage<{ ok: boolean }>(options, { type: 'import-opml', text: opml });
    expect(r.ok).toBe(true);
    await syncNow();
    await expect.poll(async () => (await service.subscriptions()).find((s) => s.url === IMPORTED)?.folder).toBe('Imported');
  });

  it('read and starred go both ways', async () => {
    const { feeds, posts } = await readDb(options);
    const remote = feeds.find((f) => f.url === REMOTE)!;
    const [mine, theirs] = posts.filter((p) => p.feedId === remote.id && p.read === 0);
    // Here: read one. There: star another.
    await sendFromPage(options, { type: 'set-read', keys: [[mine!.feedId, mine!.id]], read: true });
    await service.editTag([theirs!.syncItemId!], { add: STARRED });
    await syncNow();
    expect(await service.allItemIds({ xt: READ }, 10_000)).not.toContain(mine!.syncItemId);
    await expect.poll(async () => (await readDb(options)).posts.find((p) => p.id === theirs!.id)?.starred).toBe(1);
    // There: read it. Here: the river's count follows.
    await service.editTag([theirs!.syncItemId!], { add: READ });
    await syncNow();
    await expect.poll(async () => (await readDb(options)).posts.find((p) => p.id === theirs!.id)?.read).toBe(1);
  });

  it('a change made while the service is stopped waits, survives a worker restart, and arrives when it is back', async () => {
    const { feeds, posts } = await readDb(options);
    const remote = feeds.find((f) => f.url === REMOTE)!;
    const post = posts.find((p) => p.feedId === remote.id && p.starred === 0)!;
    await fresh.stop();
    await sendFromPage(options, { type: 'set-starred', key: [post.feedId, post.id], starred: true });
    await options.getByTestId('sync-now').click();
    await expect.poll(status, { timeout: 60_000 }).toMatch(/Cannot reach .*Changes wait here/);
    expect(await status()).toMatch(/1 local change waiting/);
    await orrery.stopWorker();
    await fresh.start();
    await syncNow();
    expect(await service.allItemIds({ s: STARRED }, 10_000)).toContain(post.syncItemId);
    expect(await status()).not.toMatch(/waiting to be sent/);
  });

  it('disconnecting keeps every post and subscription, and Orrery polls the feeds again', async () => {
    const before = await readDb(options);
    await options.getByTestId('sync-disconnect').click();
    await expect.poll(status).toContain('Not connected.');
    const after = await readDb(options);
    expect(after.feeds.map((f) => f.url).sort()).toEqual(before.feeds.map((f) => f.url).sort());
    expect(after.feeds.every((f) => f.syncId === undefined)).toBe(true);
    await expect.poll(() => server.log.filter((e) => e.url === REMOTE).length, { timeout: 60_000 }).toBeGreaterThan(0);
    // Orrery's own poll names the posts by the feed's guids: the service's copies give way to
    // them, keeping read and starred, so no post shows twice and none is lost.
    const remote = before.feeds.find((f) => f.url === REMOTE)!;
    const urls = async () => {
      const { posts } = await readDb(options);
      return posts.filter((p) => p.feedId === remote.id).map((p) => p.url);
    };
    await expect.poll(async () => { const u = await urls(); return u.length > 0 && new Set(u).size === u.length && !(await readDb(options)).posts.some((p) => p.feedId === remote.id && p.id.startsWith('gr:')); }, { timeout: 60_000 }).toBe(true);
    const starredBefore = before.posts.filter((p) => p.feedId === remote.id && p.starred === 1).length;
    const starredAfter = (await readDb(options)).posts.filter((p) => p.feedId === remote.id && p.starred === 1).length;
    expect(starredAfter).toBe(starredBefore);
    const kept = new Set(await urls());
    expect(before.posts.filter((p) => p.feedId === remote.id && !kept.has(p.url))).toEqual([]);
  });
});

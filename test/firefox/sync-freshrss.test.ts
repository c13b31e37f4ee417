/**
 * Sync with a real FreshRSS (../shared/freshrss) from Firefox: connected from the options page,
 * subscriptions and folders both ways, read and starred both ways, and a change made while the
 * service is down kept through a stopped background page and sent when it is back. FreshRSS
 * fetches the feeds from its own copy of the fixture server, so the one Firefox talks to counts
 * Orrery's own requests only. Skipped, saying why, without Firefox or the kit.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server.mjs';
import { createGReaderClient, type GReaderClient } from '../../lib/sync/greader-client';
import { READ, STARRED, labelId } from '../../lib/sync/greader-ids';
import { kitMissing, startFreshRss, type FreshRss } from '../browser/sync-freshrss';
import { firefoxMissing, launchFirefox, orreryErrors, type FirefoxOrrery } from './firefox';
import { pause, send, text, tid } from './page-helpers';
import { readSyncDb } from '../browser/sync-db';

const missing = firefoxMissing() ?? kitMissing();
if (missing) console.warn(`Firefox sync suite skipped: ${missing}`);

const LOCAL = 'http://pythonbytes.example/feed.xml';
const REMOTE = 'http://real-python.example/feed.xml';

const readDb = readSyncDb;

describe.skipIf(missing !== undefined)('sync with FreshRSS in Firefox', () => {
  let server: FixtureServer;
  let serviceFeeds: FixtureServer;
  let ff: FirefoxOrrery;
  let fresh: FreshRss;
  let service: GReaderClient;
  let options: Page;

  const status = async () => (await text(options, tid('sync-status'))) ?? '';
  /** Waits for a pass that ended after `since` without an error. */
  const synced = async (since: number) => {
    await expect
      .poll(async () => {
        const s = (await options.evaluate(() => chrome.storage.local.get('syncStatus'))).syncStatus as { lastSyncAt?: number; running?: boolean; error?: unknown } | undefined;
        return Boolean(s && !s.running && !s.error && (s.lastSyncAt ?? 0) >= since);
      }, { timeout: 60_000 })
      .toBe(true);
  };
  const syncNow = async () => {
    const t = Date.now();
    await (await options.waitForSelector(tid('sync-now')))!.click();
    await synced(t);
  };

  beforeAll(async () => {
    server = await startFixtureServer();
    serviceFeeds = await startFixtureServer();
    fresh = await startFreshRss({ feedPort: serviceFeeds.port });
    service = createGReaderClient({ fetch, now: Date.now, account: { server: fresh.api, username: fresh.user, password: fresh.apiPassword } });
    // The service carries one feed, in a folder; Orrery has another of its own, polled.
    await service.editSubscription({ ac: 'subscribe', s: `feed/${REMOTE}`, a: labelId('Tutorials') });
    ff = await launchFirefox({ serverPort: server.port });
    options = await ff.open('/options.html');
    expect(await send<{ ok: boolean }>(options, { type: 'subscribe', url: LOCAL, folder: 'Podcasts' })).toMatchObject({ ok: true });
    for (const until = Date.now() + 60_000; (await readDb(options)).posts.length === 0; ) {
      if (Date.now() > until) throw new Error(`${LOCAL} was not polled within 60 s`);
      await pause(200);
    }
  }, 180_000);

  afterAll(async () => {
    await ff?.close();
    await fresh?.dispose();
    await serviceFeeds?.close();
    await server?.close();
  });

  it('connects from the options page; subscriptions and folders go both ways; the service’s feed is not polled by Orrery', async () => {
    const t = Date.now();
    await options.type(tid('sync-server'), fresh.api);
    await options.type(tid('sync-username'), fresh.user);
    await options.type(tid('sync-password'), fresh.apiPassword);
    await (await options.waitForSelector(tid('sync-connect')))!.click();
    await expect.poll(status).toContain(`Connected to ${fresh.api} as ${fresh.user}`);
    await synced(t);
    const { feeds, posts } = await readDb(options);
    const remote = feeds.find((f) => f.url === REMOTE);
    expect(remote).toMatchObject({ folder: 'Tutorials', syncId: expect.stringMatching(/^feed\//) as unknown });
    expect(posts.filter((p) => p.feedId === remote!.id).length).toBeGreaterThan(0);
    const subs = await service.subscriptions();
    expect(subs.find((s) => s.url === LOCAL)?.folder).toBe('Podcasts');
    const local = feeds.find((f) => f.url === LOCAL)!;
    expect(local.syncId).toBe(subs.find((s) => s.url === LOCAL)?.id);
    expect(posts.filter((p) => p.feedId === local.id).every((p) => p.syncItemId !== undefined)).toBe(true);
    expect(server.log.filter((e) => e.url === REMOTE)).toHaveLength(0);
  });

  it('read and starred go both ways', async () => {
    const { feeds, posts } = await readDb(options);
    const remote = feeds.find((f) => f.url === REMOTE)!;
    const [mine, theirs] = posts.filter((p) => p.feedId === remote.id && p.read === 0);
    await send(options, { type: 'set-read', keys: [[mine!.feedId, mine!.id]], read: true });
    await service.editTag([theirs!.syncItemId!], { add: STARRED });
    await syncNow();
    expect(await service.allItemIds({ xt: READ }, 10_000)).not.toContain(mine!.syncItemId);
    await expect.poll(async () => (await readDb(options)).posts.find((p) => p.id === theirs!.id)?.starred).toBe(1);
    await service.editTag([theirs!.syncItemId!], { add: READ });
    await syncNow();
    await expect.poll(async () => (await readDb(options)).posts.find((p) => p.id === theirs!.id)?.read).toBe(1);
  });

  it('a change made while the service is down waits, survives a stopped background page, and arrives when it is back', async () => {
    const { feeds, posts } = await readDb(options);
    const remote = feeds.find((f) => f.url === REMOTE)!;
    const post = posts.find((p) => p.feedId === remote.id && p.starred === 0)!;
    await fresh.stop();
    await send(options, { type: 'set-starred', key: [post.feedId, post.id], starred: true });
    await (await options.waitForSelector(tid('sync-now')))!.click();
    await expect.poll(status, { timeout: 60_000 }).toMatch(/Cannot reach .*Changes wait here/);
    expect(await status()).toMatch(/1 local change waiting/);
    await ff.terminateBackground();
    await fresh.start();
    await syncNow();
    expect(await service.allItemIds({ s: STARRED }, 10_000)).toContain(post.syncItemId);
    expect(await status()).not.toMatch(/waiting to be sent/);
  });

  it('logged no error of Orrery on the way', () => {
    // A pass that could not reach the stopped service reports it to the reader, not as an error.
    expect(orreryErrors(ff.logs)).toEqual([]);
  });
});

/**
 * The sync engine against the real FreshRSS of ../shared/freshrss (fake-indexeddb for
 * Orrery's side): subscriptions and folders both ways, posts, read and starred both ways,
 * changes queued while the service is down. Skipped, saying so, where the kit or php is absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFeeds, getFeedByUrl, removeFeed, updateFeed } from '../db/feeds';
import type { Db } from '../db/open-db';
import { setRead, setStarred } from '../db/posts';
import { freshDb } from '../db/test-db';
import { kitMissing, startFreshRss, type FreshRss } from '../../test/browser/sync-freshrss';
import { startFixtureServer } from '../../test/server/fixture-server.mjs';
import { createGReaderClient, type GReaderClient } from './greader-client';
import { READ, STARRED, labelId } from './greader-ids';
import { runSync, type SyncCursor } from './run-sync';
import { enqueue, queuedEntries, stateEntries } from './sync-queue';

const missing = kitMissing();
if (missing) console.warn(`[sync] FreshRSS tests skipped: ${missing}`);

describe.skipIf(missing !== undefined)('runSync against FreshRSS', () => {
  let feeds: Awaited<ReturnType<typeof startFixtureServer>>;
  let fresh: FreshRss;
  let db: Db;
  let client: GReaderClient;
  let service: GReaderClient;
  let cursor: SyncCursor = {};
  const now = () => Date.now();
  const sync = async () => {
    const r = await runSync({ db, client, now }, cursor);
    cursor = r.cursor;
    return r.result;
  };
  const A = 'http://alpha.example/gen/1/5.xml';
  const B = 'http://beta.example/gen/2/5.xml';
  const C = 'http://gamma.example/gen/3/5.xml';

  beforeAll(async () => {
    feeds = await startFixtureServer({ everyFeedExists: true });
    feeds.gen.step = 1;
    fresh = await startFreshRss({ feedPort: feeds.port });
    db = await freshDb();
    const account = { server: fresh.api, username: fresh.user, password: fresh.apiPassword };
    client = createGReaderClient({ fetch, now, account });
    service = createGReaderClient({ fetch, now, account });
    // On the service: A in folder News. In Orrery: B in folder Local, never synced yet.
    await service.editSubscription({ ac: 'subscribe', s: `feed/${A}`, a: labelId('News') });
    await addFeeds(db, [{ url: B, folder: 'Local', title: 'Beta', firstCheckAt: 0 }], now());
  }, 120_000);
  afterAll(async () => {
    await fresh?.dispose();
    await feeds?.close();
  });

  it('first sync: the service feed arrives with its folder and posts; the local feed goes to the service', async () => {
    const r = await sync();
    expect(r.added).toBe(1);
    expect(r.pushed).toBe(1);
    const a = await getFeedByUrl(db, A);
    expect(a).toMatchObject({ folder: 'News', syncId: expect.stringMatching(/^feed\//) as unknown, nextCheckAt: Infinity });
    expect(r.postsAdded).toBeGreaterThanOrEqual(5);
    const subs = await service.subscriptions();
    expect(subs.find((s) => s.url === B)).toMatchObject({ folder: 'Local', title: 'Beta' });
    expect((await getFeedByUrl(db, B))?.syncId).toBe(subs.find((s) => s.url === B)?.id);
  });

  it('read and starred both ways', async () => {
    const [p1, p2] = await db.getAllFromIndex('posts', 'bySyncItem');
    // Orrery → service: read p1 (queued as the hooks do).
    await setRead(db, [[p1!.feedId, p1!.id]], true);
    await enqueue(db, await stateEntries(db, [[p1!.feedId, p1!.id]], 'read', true, now()));
    // Service → Orrery: star p2.
    await service.editTag([p2!.syncItemId!], { add: STARRED });
    await sync();
    expect(await client.allItemIds({ xt: READ }, 1000)).not.toContain(p1!.syncItemId);
    expect((await db.get('posts', [p2!.feedId, p2!.id]))?.starred).toBe(1);
    expect(await queuedEntries(db)).toEqual([]);
  });

  it('renames, moves and unsubscriptions both ways', async () => {
    const b = (await getFeedByUrl(db, B))!;
    await updateFeed(db, b.id, { folder: 'Moved' }, now());
    await enqueue(db, [{ key: `edit:${b.syncId}`, kind: 'edit', streamId: b.syncId!, title: b.title, folder: 'Moved', oldFolder: 'Local', at: now() }]);
    const a = (await getFeedByUrl(db, A))!;
    await service.editSubscription({ ac: 'edit', s: a.syncId!, t: 'Alpha renamed' });
    await service.editSubscription({ ac: 'subscribe', s: `feed/${C}`, a: labelId('News') });
    await sync();
    expect((await service.subscriptions()).find((s) => s.url === B)?.folder).toBe('Moved');
    expect((await getFeedByUrl(db, A))?.title).toBe('Alpha renamed');
    expect((await getFeedByUrl(db, C))?.folder).toBe('News');
    // Unsubscribe C here, A there.
    const c = (await getFeedByUrl(db, C))!;
    await removeFeed(db, c.id);
    await enqueue(db, [{ key: `unsubscribe:${c.syncId}`, kind: 'unsubscribe', streamId: c.syncId!, url: C, at: now() }]);
    await service.editSubscription({ ac: 'unsubscribe', s: a.syncId! });
    await sync();
    expect((await service.subscriptions()).map((s) => s.url)).toEqual([B]);
    expect(await getFeedByUrl(db, A)).toBeUndefined();
    expect(await getFeedByUrl(db, C)).toBeUndefined();
  });

  it('a change made while the service is down waits in the queue and reaches it when it is back', async () => {
    const [p] = await db.getAllFromIndex('posts', 'bySyncItem');
    await fresh.stop();
    await setStarred(db, [p!.feedId, p!.id], true);
    await enqueue(db, await stateEntries(db, [[p!.feedId, p!.id]], 'starred', true, now()));
    const down = await sync().catch((e: unknown) => e);
    expect((down as { kind?: string }).kind).toBe('unreachable');
    expect(await queuedEntries(db)).toHaveLength(1);
    await fresh.start();
    await sync();
    expect(await queuedEntries(db)).toEqual([]);
    expect(await client.allItemIds({ s: STARRED }, 1000)).toContain(p!.syncItemId);
  });
});

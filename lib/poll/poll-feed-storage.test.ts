/** Polling when IndexedDB refuses writes (storage full): statuses, backoff, runs that end. */
import { describe, expect, it } from 'vitest';
import { addFeeds } from '../db/feeds';
import { freshDb, quotaError, refusingWrites, type Refusal } from '../db/test-db';
import type { Db } from '../db/open-db';
import { createPoller } from './create-poller';
import { pollFeed } from './poll-feed';
import { runDuePolls } from './run-due-polls';
import { createSaveFailureLog, withSaveFailures, type KeyValueArea } from './save-failures';

const NOW = Date.UTC(2026, 5, 10);
const RSS = (ids: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${ids
    .map((id) => `<item><title>${id}</title><guid>${id}</guid><pubDate>Mon, 01 Jun 2026 10:00:00 GMT</pubDate></item>`)
    .join('')}</channel></rss>`;

/** A publisher whose feed grows by one post per request; counts requests per URL. */
function growingPublisher() {
  const calls = new Map<string, number>();
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const url = String(input);
    const n = (calls.get(url) ?? 0) + 1;
    calls.set(url, n);
    return new Response(RSS(Array.from({ length: n + 1 }, (_, i) => `${url}#${i}`)), { status: 200, headers: { ETag: `"v${n}"` } });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/** An in-memory stand-in for browser.storage.local. */
function memoryArea(): KeyValueArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

async function seeded(urls: string[]): Promise<{ db: Db; ids: string[] }> {
  const db = await freshDb();
  const { added } = await addFeeds(db, urls.map((url) => ({ url, title: url, firstCheckAt: 0 })), 0);
  return { db, ids: added.map((f) => f.id) };
}

describe('pollFeed when storage refuses the write', () => {
  it('keeps what was stored, stores "Storage full" in the feed when that small write goes through, and backs off', async () => {
    const { db, ids } = await seeded(['http://a.example/feed.xml']);
    const pub = growingPublisher();
    await pollFeed((await db.get('feeds', ids[0]!))!, { db, fetch: pub.fetch, now: () => NOW });
    const before = (await db.get('feeds', ids[0]!))!;
    expect(await db.count('posts')).toBe(2);
    // Only the transaction with posts is refused: a quota nearly spent.
    const refusing = refusingWrites(db, { on: true, stores: ['posts'], error: quotaError });
    const result = await pollFeed(before, { db: refusing, fetch: pub.fetch, now: () => NOW + 1000, random: () => 0.5 });
    expect(result.status).toBe('storage-full');
    const after = (await db.get('feeds', ids[0]!))!;
    expect(after).toMatchObject({ lastStatus: 'storage-full', errorCount: 1, etag: before.etag, lastFetchAt: NOW + 1000 });
    expect(after.lastMessage).toMatch(/^Storage full: /);
    expect(after.nextCheckAt).toBeGreaterThan(NOW + 1000);
    expect(await db.count('posts')).toBe(2);
  });

  it('logs the status outside the database when even the feed record is refused', async () => {
    const { db, ids } = await seeded(['http://a.example/feed.xml']);
    const log = createSaveFailureLog();
    const refusing = refusingWrites(db, { on: true, error: () => new DOMException('Internal error committing transaction.', 'UnknownError') });
    const feed = (await db.get('feeds', ids[0]!))!;
    const result = await pollFeed(feed, { db: refusing, fetch: growingPublisher().fetch, now: () => NOW, saveFailures: log });
    expect(result.status).toBe('storage-error');
    expect(await db.get('feeds', ids[0]!)).toEqual(feed);
    const logged = log.get(ids[0]!)!;
    expect(logged).toMatchObject({ status: 'storage-error', errorCount: 1, at: NOW });
    expect(logged.message).toBe('Could not save posts: UnknownError: Internal error committing transaction. Orrery kept what it had and will try again later.');
    expect(logged.retryAt).toBeGreaterThan(NOW);
    // The pages show the logged status over the record's "not fetched yet".
    expect(withSaveFailures([feed], log.snapshot())[0]).toMatchObject({ lastStatus: 'storage-error', errorCount: 1, lastFetchAt: NOW });
  });
});

describe('runDuePolls when storage refuses every write', () => {
  it('polls each due feed once, ends, and does not fetch again before the backoff', async () => {
    const { db } = await seeded(['http://a.example/feed.xml', 'http://b.example/feed.xml', 'http://c.example/feed.xml']);
    const refusing = refusingWrites(db, { on: true, error: quotaError });
    const pub = growingPublisher();
    const log = createSaveFailureLog();
    const results = await runDuePolls({ db: refusing, fetch: pub.fetch, now: () => NOW, saveFailures: log });
    expect(results.map((r) => r.status)).toEqual(['storage-full', 'storage-full', 'storage-full']);
    expect([...pub.calls.values()]).toEqual([1, 1, 1]);
    // The next alarm, a minute later: still due in the database, but backing off.
    await runDuePolls({ db: refusing, fetch: pub.fetch, now: () => NOW + 60_000, saveFailures: log });
    expect([...pub.calls.values()]).toEqual([1, 1, 1]);
  });
});

describe('createPoller when storage is full', () => {
  async function poller(urls: string[], refusal: Refusal) {
    const { db, ids } = await seeded(urls);
    const pub = growingPublisher();
    let now = NOW;
    const area = memoryArea();
    const make = () => createPoller({ db: async () => refusingWrites(db, refusal), fetch: pub.fetch, now: () => now, onChange: () => undefined, failureStore: area });
    return { db, ids, pub, area, make, tick: (ms: number) => (now += ms) };
  }

  it('ends a "refresh now" the database would not even start, shows "Storage full", then recovers', async () => {
    const refusal: Refusal = { on: false, error: quotaError };
    const t = await poller(['http://a.example/feed.xml', 'http://b.example/feed.xml'], refusal);
    const p = t.make();
    await p.refreshAll();
    await p.pollDue();
    expect(await t.db.count('posts')).toBe(4);
    const kept = await t.db.getAllKeys('posts');

    refusal.on = true;
    t.tick(60_000);
    const started = await p.refreshAll();
    expect(started).toMatchObject({ running: true, total: 2 });
    await p.pollDue();
    expect(await p.progress()).toEqual({ running: false, startedAt: started.startedAt, done: 2, total: 2 });
    expect([...t.pub.calls.values()]).toEqual([2, 2]);
    const failures = await p.saveFailures();
    expect(Object.values(failures.feeds).map((f) => f.status)).toEqual(['storage-full', 'storage-full']);
    expect(await t.db.getAllKeys('posts')).toEqual(kept);
    // A new worker reads the log back from extension storage.
    expect(Object.keys((await t.make().saveFailures()).feeds).sort()).toEqual([...t.ids].sort());

    refusal.on = false;
    t.tick(60_000);
    const again = await p.refreshAll();
    await p.pollDue();
    expect(await p.progress()).toEqual({ running: false, startedAt: again.startedAt, done: 2, total: 2 });
    expect((await p.saveFailures()).feeds).toEqual({});
    for (const id of t.ids) expect(await t.db.get('feeds', id)).toMatchObject({ lastStatus: 'ok', errorCount: 0 });
    expect(await t.db.count('posts')).toBe(8);
  });

  it('ends a refresh whose posts are refused after it started', async () => {
    const refusal: Refusal = { on: true, stores: ['posts', 'unread'], error: quotaError };
    const t = await poller(['http://a.example/feed.xml', 'http://b.example/feed.xml'], refusal);
    const p = t.make();
    const started = await p.refreshAll();
    await p.pollDue();
    expect(await p.progress()).toEqual({ running: false, startedAt: started.startedAt, done: 2, total: 2 });
    for (const id of t.ids) expect(await t.db.get('feeds', id)).toMatchObject({ lastStatus: 'storage-full', errorCount: 1 });
  });

  it('ends a refresh when only the feed records are refused (the log holds their status)', async () => {
    const refusal: Refusal = { on: false, error: quotaError };
    const t = await poller(['http://a.example/feed.xml', 'http://b.example/feed.xml'], refusal);
    const p = t.make();
    const started = await p.refreshAll();
    refusal.on = true;
    await p.pollDue();
    expect(await p.progress()).toEqual({ running: false, startedAt: started.startedAt, done: 2, total: 2 });
    expect(Object.keys((await p.saveFailures()).feeds)).toHaveLength(2);
  });
});

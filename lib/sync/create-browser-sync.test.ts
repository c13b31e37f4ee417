import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { addFeeds, getFeedByUrl, removeFeed, updateFeed } from '../db/feeds';
import type { Db } from '../db/open-db';
import { freshDb } from '../db/test-db';
import { parseOpml } from '../opml/parse-opml';
import { itemBytes, QUOTA, readItems } from './browser-sync-codec';
import { createBrowserSync, type BrowserSync, type SyncArea } from './create-browser-sync';
import type { SyncStorage } from './sync-store';

/** storage.sync with Chrome's quotas and error messages; counts write operations and keys written. */
function fakeSyncArea() {
  const data: Record<string, unknown> = {};
  const log = { ops: 0, keysSet: [] as string[][] };
  const area: SyncArea & { data: typeof data; log: typeof log; refuse?: string } = {
    data,
    log,
    async get() {
      return structuredClone(data);
    },
    async set(items) {
      if (area.refuse) throw new Error(area.refuse);
      log.ops++;
      const next = { ...data, ...items };
      for (const [k, v] of Object.entries(items)) if (itemBytes(k, v) > QUOTA.perItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      if (Object.entries(next).reduce((n, [k, v]) => n + itemBytes(k, v), 0) > QUOTA.total) throw new Error('QUOTA_BYTES quota exceeded');
      if (Object.keys(next).length > QUOTA.items) throw new Error('MAX_ITEMS quota exceeded');
      Object.assign(data, structuredClone(items));
      log.keysSet.push(Object.keys(items));
    },
    async remove(keys) {
      log.ops++;
      for (const k of keys) delete data[k];
    },
  };
  return area;
}

function fakeLocal(): SyncStorage {
  const data: Record<string, unknown> = {};
  return {
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
    async remove(key) {
      delete data[key];
    },
  };
}

interface TestBrowser {
  db: Db;
  sync: BrowserSync;
  local: SyncStorage;
  scheduled: number[];
}

let clock = 1_790_000_000_000;
const now = () => clock;

async function browserOn(area: SyncArea): Promise<TestBrowser> {
  const db = await freshDb();
  const local = fakeLocal();
  const scheduled: number[] = [];
  const sync = createBrowserSync({ db: async () => db, sync: area, local, now, schedule: (_fn, ms) => (scheduled.push(ms), () => undefined) });
  return { db, sync, local, scheduled };
}

const urls = async (db: Db) => (await db.getAll('feeds')).map((f) => f.url).sort();

describe('browser sync service (storage.sync with its quotas, IndexedDB)', () => {
  it('writes the list after a subscribe; another browser gets it; a removal there removes it here', async () => {
    const area = fakeSyncArea();
    const a = await browserOn(area);
    const b = await browserOn(area);
    await addFeeds(a.db, [{ url: 'http://one.example/f', title: 'One', folder: 'Py', firstCheckAt: 0 }, { url: 'http://two.example/f', firstCheckAt: 0 }], now());
    const sa = await a.sync.run();
    expect(sa.lastWriteAt).toBe(clock);
    expect(sa.error).toBeUndefined();
    expect([...readItems(area.data).doc.e.keys()].sort()).toEqual(['http://one.example/f', 'http://two.example/f']);
    clock += 60_000;
    await b.sync.run();
    expect(await urls(b.db)).toEqual(['http://one.example/f', 'http://two.example/f']);
    expect(await getFeedByUrl(b.db, 'http://one.example/f')).toMatchObject({ title: 'One', folder: 'Py' });
    // B removes one and renames the other; A follows.
    clock += 60_000;
    await removeFeed(b.db, (await getFeedByUrl(b.db, 'http://one.example/f'))!.id);
    await updateFeed(b.db, (await getFeedByUrl(b.db, 'http://two.example/f'))!.id, { title: 'Two (renamed on B)', overrideMinutes: 90 }, now());
    await b.sync.run();
    clock += 60_000;
    const after = await a.sync.run();
    expect(await urls(a.db)).toEqual(['http://two.example/f']);
    expect(await getFeedByUrl(a.db, 'http://two.example/f')).toMatchObject({ title: 'Two (renamed on B)', overrideMinutes: 90 });
    expect(after.applied).toEqual({ added: 0, removed: 1, moved: 0, updated: 1 });
  });

  it("fits Planet Python's 545 feeds; a rename then writes one item", async () => {
    const area = fakeSyncArea();
    const a = await browserOn(area);
    const r = parseOpml(readFileSync(new URL('../../test/fixtures/planet-python.opml', import.meta.url), 'utf8'));
    if (!r.ok) throw new Error(r.error);
    await addFeeds(a.db, r.feeds.map((f) => ({ url: f.url, title: f.title, ...(f.folder ? { folder: f.folder } : {}), firstCheckAt: 0 })), now());
    clock += 60_000;
    const s = await a.sync.run();
    expect(s.error).toBeUndefined();
    expect(s.feeds).toBe(545);
    expect(s.bytes).toBeLessThan(QUOTA.total);
    expect(readItems(area.data).doc.e.size).toBe(545);
    const before = area.log.keysSet.length;
    clock += 60_000;
    await updateFeed(a.db, (await getFeedByUrl(a.db, r.feeds[100]!.url))!.id, { title: 'Renamed' }, now());
    await a.sync.run();
    expect(area.log.keysSet.slice(before)).toEqual([[expect.stringMatching(/^s\d+\.\d+$/) as unknown]]);
    // Nothing changed: nothing written.
    clock += 60_000;
    const ops = area.log.ops;
    await a.sync.run();
    expect(area.log.ops).toBe(ops);
  });

  it('spaces writes: a change within 10 s of the last write waits (no write, a later merge planned)', async () => {
    const area = fakeSyncArea();
    const a = await browserOn(area);
    await addFeeds(a.db, [{ url: 'http://one.example/f', firstCheckAt: 0 }], now());
    await a.sync.run();
    const ops = area.log.ops;
    clock += 3_000;
    await addFeeds(a.db, [{ url: 'http://two.example/f', firstCheckAt: 0 }], now());
    await a.sync.run();
    expect(area.log.ops).toBe(ops);
    expect(a.scheduled.at(-1)).toBe(7_000);
    clock += 7_000;
    await a.sync.run();
    expect(area.log.ops).toBe(ops + 1);
    expect(readItems(area.data).doc.e.size).toBe(2);
  });

  it("a quota error is kept in the status (not dropped); the next merge writes once there is room", async () => {
    const area = fakeSyncArea();
    const a = await browserOn(area);
    // Filled by other data, leaving less room than the list needs.
    for (let i = 0; i < 12; i++) area.data[`junk${i}`] = 'x'.repeat(8100);
    area.data.junk12 = 'x'.repeat(5300);
    await addFeeds(a.db, [{ url: 'http://one.example/f', firstCheckAt: 0 }], now());
    const s = await a.sync.run();
    expect(s.error).toMatchObject({ kind: 'quota', message: 'QUOTA_BYTES quota exceeded' });
    expect(s.lastWriteAt).toBeUndefined();
    for (let i = 0; i <= 12; i++) delete area.data[`junk${i}`];
    clock += 60_000;
    const t = await a.sync.run();
    expect(t.error).toBeUndefined();
    expect(readItems(area.data).doc.e.size).toBe(1);
  });

  it('the write rate limit is named, and a retry is planned a minute on', async () => {
    const area = fakeSyncArea();
    const a = await browserOn(area);
    area.refuse = 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.';
    await addFeeds(a.db, [{ url: 'http://one.example/f', firstCheckAt: 0 }], now());
    const s = await a.sync.run();
    expect(s.error).toMatchObject({ kind: 'rate', retryAt: clock + 60_000 });
    expect(a.scheduled.at(-1)).toBe(60_000);
  });

  it('turned off: nothing is read or written; on again, this browser joins afresh', async () => {
    const area = fakeSyncArea();
    const a = await browserOn(area);
    await a.sync.setEnabled(false);
    await addFeeds(a.db, [{ url: 'http://one.example/f', firstCheckAt: 0 }], now());
    await a.sync.run();
    expect(area.log.ops).toBe(0);
    clock += 60_000;
    const s = await a.sync.setEnabled(true);
    expect(s.enabled).toBe(true);
    expect(readItems(area.data).doc.e.size).toBe(1);
  });
});

/**
 * public/open-early.js opens the database while a page's module loads; open-db adopts that
 * connection only when it is at the current version. Run here against fake-indexeddb: no
 * database yet (nothing created early), the current version (adopted), an older one (upgraded).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDB, wrap } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReaderGate, READERS_CHANNEL } from '../poll/reader-gate';
import { endReadLease } from '../ui/end-read-lease';
import { DB_NAME, DB_VERSION, MIGRATIONS, type OrreryDB } from './schema';

const EARLY = readFileSync(path.resolve(import.meta.dirname, '../../public/open-early.js'), 'utf8');
type G = {
  __orreryEarlyOpen?: Promise<IDBDatabase | undefined>;
  __orreryEarlyCounts?: Promise<{ value: unknown } | undefined>;
  __orreryReadLease?: { id: string; channel: BroadcastChannel };
};

const runEarly = () => {
  new Function(EARLY)();
  return (globalThis as G).__orreryEarlyOpen;
};
const deleteDb = () =>
  new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
const freshOpenDb = async () => {
  vi.resetModules();
  return (await import('./open-db')).openOrreryDb;
};

describe('opening the database early', () => {
  beforeEach(async () => {
    delete (globalThis as G).__orreryEarlyOpen;
    delete (globalThis as G).__orreryEarlyCounts;
    await deleteDb();
  });
  afterEach(() => {
    (globalThis as G).__orreryReadLease?.channel.close();
    delete (globalThis as G).__orreryReadLease;
  });

  it('tells a running refresh the page is about to read, until the page has read its first screen', async () => {
    const gate = createReaderGate();
    const worker = new BroadcastChannel(READERS_CHANNEL);
    const heard = new Promise<void>((resolve) => {
      worker.onmessage = (e: MessageEvent) => {
        gate.take(e.data);
        resolve();
      };
    });
    await runEarly();
    await heard;
    const hold = gate.clear();
    expect(hold).toBeDefined();
    endReadLease();
    await hold;
    expect(gate.clear()).toBeUndefined();
    expect((globalThis as G).__orreryReadLease).toBeUndefined();
    worker.close();
  });

  it('creates nothing when there is no database yet; the page then creates it at the current version', async () => {
    const early = await runEarly();
    expect(early).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DB_NAME);
    const db = await (await freshOpenDb())();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('posts');
    expect((globalThis as G).__orreryEarlyOpen).toBeUndefined();
    db.close();
  });

  it('is adopted at the current version: the page uses that very connection', async () => {
    (await (await freshOpenDb())()).close();
    const early = await runEarly();
    expect(early?.version).toBe(DB_VERSION);
    const db = await (await freshOpenDb())();
    expect(db.version).toBe(DB_VERSION);
    // The same connection, wrapped: closing the early one closes the page's.
    await db.put('meta', { probe: 1 } as never, 'probe');
    early!.close();
    expect(() => db.transaction('meta')).toThrow();
  });

  it('reads the counts record while the module loads, and the page checks for a ledger to rebuild from that read', async () => {
    // During a refresh a read of the post stores waits behind a commit: the check must not
    // be one more wait before the page's first query.
    const setup = await (await freshOpenDb())();
    await setup.put('meta', { total: 99, feeds: {}, folders: {}, needsRebuild: true } as never, 'counts');
    setup.close();
    const early = await runEarly();
    const read = await (globalThis as G).__orreryEarlyCounts;
    expect(read?.value).toMatchObject({ total: 99, needsRebuild: true });
    // Changed after the early read: a page reading it again would see no rebuild to do.
    await wrap(early!).put('meta', { total: 99, feeds: {}, folders: {} } as never, 'counts');
    const db = await (await freshOpenDb())();
    // Rebuilt from the (empty) posts, as the early read said.
    expect(await db.get('meta', 'counts')).toMatchObject({ total: 0 });
    expect((globalThis as G).__orreryEarlyCounts).toBeUndefined();
    db.close();
  });

  it('is closed and replaced when the database is older, so the migration runs', async () => {
    const old = await openDB<OrreryDB>(DB_NAME, 1, {
      upgrade(db, oldVersion, _n, tx) {
        for (let i = oldVersion; i < 1; i++) MIGRATIONS[i]!(db as never, tx as never, oldVersion);
      },
    });
    old.close();
    const early = await runEarly();
    expect(early?.version).toBe(1);
    const db = await (await freshOpenDb())();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('unreadByFeed');
    db.close();
  });
});

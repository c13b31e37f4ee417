/** A fresh, uniquely named database for tests (fake-indexeddb in Node). */
import 'fake-indexeddb/auto';
import type { ParsedItem } from '../feed/types';
import { addFeeds } from './feeds';
import { openOrreryDb, type Db } from './open-db';
import { commitPoll } from './posts';

let n = 0;

/** Opens a new empty Orrery database. */
export function freshDb(): Promise<Db> {
  n += 1;
  return openOrreryDb(`orrery-test-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`);
}

/** A new database with one feed (https://a.example/f, due at `now`) holding `items`, committed at `now`. */
export async function dbWithOneFeed(items: ParsedItem[], now: number): Promise<{ db: Db; feedId: string }> {
  const db = await freshDb();
  const { added } = await addFeeds(db, [{ url: 'https://a.example/f', title: 'A', firstCheckAt: now }], now);
  const feedId = added[0]!.id;
  await commitPoll(db, feedId, (f) => f, items, now);
  return { db, feedId };
}

/** Which writes a refusing database turns down, changed by the test as it goes. */
export interface Refusal {
  on: boolean;
  /** Only transactions over these stores (default: every read-write transaction). */
  stores?: string[];
  /** The error a refused commit rejects with. */
  error: () => unknown;
}

/**
 * `db` with read-write transactions that fail at commit as a full disk makes them fail in a
 * browser: everything queued is rolled back and `done` rejects with `refusal.error()`.
 */
export function refusingWrites(db: Db, refusal: Refusal): Db {
  const proxy: Db = new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') {
        return (stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
          const tx = target.transaction(stores as never, mode, options);
          const names = typeof stores === 'string' ? [stores] : stores;
          if (mode !== 'readwrite' || !refusal.on || (refusal.stores && !names.some((n) => refusal.stores!.includes(n)))) return tx;
          return new Proxy(tx, {
            get(t, p) {
              if (p === 'done') {
                try {
                  t.abort();
                } catch {
                  // already finished
                }
                return t.done.then(
                  () => Promise.reject(refusal.error()),
                  () => Promise.reject(refusal.error()),
                );
              }
              const v: unknown = Reflect.get(t, p, t);
              return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
            },
          });
        };
      }
      // idb's one-line writes open their own transaction: route them through the refusing one.
      if (prop === 'put' || prop === 'add') {
        return async (store: string, value: unknown, key?: IDBValidKey) => {
          const tx = proxy.transaction(store as never, 'readwrite');
          const result = await (tx.objectStore(store as never) as unknown as { [k: string]: (v: unknown, k?: IDBValidKey) => Promise<IDBValidKey> })[prop]!(value, key);
          await tx.done;
          return result;
        };
      }
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return proxy;
}

/** A DOMException like the one Chromium reports when the quota is spent or the disk full. */
export function quotaError(): DOMException {
  return new DOMException('', 'QuotaExceededError');
}

/** Counts the post records read (get and getAll results, of the posts store and its indexes) while `work` runs. */
export async function recordsRead(work: () => Promise<unknown>): Promise<number> {
  const protos = [IDBObjectStore.prototype, IDBIndex.prototype] as const;
  const saved = protos.map((p) => ({ get: p.get, getAll: p.getAll }));
  let n = 0;
  const storeOf = (t: IDBObjectStore | IDBIndex) => ('objectStore' in t ? t.objectStore.name : t.name);
  const counted = <A extends unknown[]>(fn: (...a: A) => IDBRequest) =>
    function (this: IDBObjectStore | IDBIndex, ...a: A): IDBRequest {
      const req = fn.apply(this, a);
      if (storeOf(this) === 'posts') {
        req.addEventListener('success', () => {
          const r: unknown = req.result;
          n += Array.isArray(r) ? r.length : r === undefined ? 0 : 1;
        });
      }
      return req;
    };
  protos.forEach((p, i) => {
    p.get = counted(saved[i]!.get as (...a: unknown[]) => IDBRequest);
    p.getAll = counted(saved[i]!.getAll as (...a: unknown[]) => IDBRequest);
  });
  try {
    await work();
  } finally {
    protos.forEach((p, i) => {
      p.get = saved[i]!.get as never;
      p.getAll = saved[i]!.getAll as never;
    });
  }
  return n;
}

type Holder = { getAllRecords?: unknown };
const recordSources = () => [globalThis.IDBIndex.prototype, globalThis.IDBObjectStore.prototype] as unknown as Holder[];

/** Calls of the getAllRecords that installGetAllRecords gave fake-indexeddb, and the records they returned. */
export const getAllRecordsCalls = { n: 0, records: 0 };

/**
 * Gives fake-indexeddb a counting getAllRecords (IndexedDB 3.0, which Chromium has), written over
 * its own cursors, so the river's one-request pages are tested in Node and their reads counted.
 */
export function installGetAllRecords(): void {
  for (const proto of recordSources()) {
    proto.getAllRecords = function (this: IDBIndex | IDBObjectStore, o: { query?: IDBKeyRange | null; count?: number; direction?: IDBCursorDirection }) {
      getAllRecordsCalls.n += 1;
      const out: { key: IDBValidKey; primaryKey: IDBValidKey; value: unknown }[] = [];
      const cur = this.openCursor(o.query ?? null, o.direction ?? 'next');
      const req = { result: out, error: null, onsuccess: null as null | (() => void), onerror: null as null | (() => void) };
      cur.onsuccess = () => {
        const c = cur.result;
        if (c && out.length < (o.count ?? Infinity)) {
          out.push({ key: c.key, primaryKey: c.primaryKey, value: c.value });
          c.continue();
        } else {
          getAllRecordsCalls.records += out.length;
          req.onsuccess?.();
        }
      };
      cur.onerror = () => {
        req.error = cur.error as never;
        req.onerror?.();
      };
      return req;
    };
  }
}

/** Takes installGetAllRecords' getAllRecords away again. */
export function uninstallGetAllRecords(): void {
  for (const proto of recordSources()) delete proto.getAllRecords;
}

// fake-indexeddb 6.2.8 has a getAllRecords of its own: taken away here, so a test walks cursors
// (the path of a browser without it) unless it calls installGetAllRecords, whatever ran before.
uninstallGetAllRecords();

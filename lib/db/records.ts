/**
 * `getAllRecords()` (IndexedDB 3.0: Chromium 141+): a page of records in either direction in
 * one request, where a cursor costs a round trip per record. Three times faster than a cursor
 * for a page of 40 posts in Chromium (7.8 ms against 25.7 ms cold, 2.8 against 9 warm);
 * browsers without it (Firefox today) get `undefined` and the callers walk a cursor.
 */
import { unwrap, type IDBPIndex, type IDBPObjectStore } from 'idb';

/** One record: its key in the index or store walked, its primary key and its value. */
export interface IdbRecord<V = unknown> {
  key: IDBValidKey;
  primaryKey: IDBValidKey;
  value: V;
}

interface RecordsSource {
  getAllRecords?: (options: { query?: IDBKeyRange | null; count?: number; direction?: IDBCursorDirection }) => IDBRequest<IdbRecord[]>;
}

/** Up to `count` records of `range`, newest (highest key) first; undefined when the browser lacks getAllRecords. */
export function recordsNewestFirst<V>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  source: IDBPIndex<any, any, any, any, any> | IDBPObjectStore<any, any, any, any>,
  range: IDBKeyRange | null,
  count: number,
): Promise<IdbRecord<V>[]> | undefined {
  const raw = (unwrap as (wrapped: unknown) => unknown)(source) as RecordsSource;
  if (typeof raw.getAllRecords !== 'function') return undefined;
  const req = raw.getAllRecords({ query: range, count, direction: 'prev' });
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as IdbRecord<V>[]);
    req.onerror = () => reject(req.error ?? new Error('getAllRecords failed'));
  });
}

/** A fresh, uniquely named database for tests (fake-indexeddb in Node). */
import 'fake-indexeddb/auto';
import { openOrreryDb, type Db } from './open-db';

let n = 0;

/** Opens a new empty Orrery database. */
export function freshDb(): Promise<Db> {
  n += 1;
  return openOrreryDb(`orrery-test-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`);
}

/** Opening the database (one connection per page or worker lifetime). */
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, upgrade, type OrreryDB } from './schema';

/** An open Orrery database. */
export type Db = IDBPDatabase<OrreryDB>;

let pending: Promise<Db> | undefined;

/** Opens (and migrates) the database; the connection is cached for this JS context only. */
export function openOrreryDb(name: string = DB_NAME): Promise<Db> {
  if (name !== DB_NAME) return open(name);
  pending ??= open(name).catch((err: unknown) => {
    pending = undefined;
    throw err;
  });
  return pending;
}

function open(name: string): Promise<Db> {
  return openDB<OrreryDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      upgrade(db, oldVersion, tx);
    },
    blocking() {
      // A newer version of Orrery wants to migrate: let it.
      pending = undefined;
    },
  });
}

/** Opening the database (one connection per page or worker lifetime). */
import { openDB, type IDBPDatabase } from 'idb';
import { POST_STORES, rebuildLedger } from './post-writes';
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

async function open(name: string): Promise<Db> {
  const db = await openDB<OrreryDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      upgrade(db, oldVersion, tx);
    },
    blocking() {
      // A newer version of Orrery wants to migrate: let it.
      pending = undefined;
    },
  });
  // The v2 migration leaves the unread ledger to be built from the posts (async work an
  // upgrade callback cannot await safely); whoever opens first builds it, in one transaction.
  const counts = (await db.get('meta', 'counts')) as { needsRebuild?: boolean } | undefined;
  if (counts?.needsRebuild) {
    const tx = db.transaction(POST_STORES, 'readwrite');
    await rebuildLedger(tx);
    await tx.done;
  }
  return db;
}

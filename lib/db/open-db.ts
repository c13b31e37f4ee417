/** Opening the database (one connection per page or worker lifetime). */
import { openDB, wrap, type IDBPDatabase } from 'idb';
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

type EarlyGlobals = {
  __orreryEarlyOpen?: Promise<IDBDatabase | undefined>;
  __orreryEarlyCounts?: Promise<{ value: unknown } | undefined>;
};

/** The connection public/open-early.js started while the page loaded, if any (taken once). */
function takeEarlyOpen(): Promise<IDBDatabase | undefined> | undefined {
  const g = globalThis as EarlyGlobals;
  const early = g.__orreryEarlyOpen;
  delete g.__orreryEarlyOpen;
  return early;
}

/** The counts record public/open-early.js read on its connection (undefined if it could not), taken once. */
function takeEarlyCounts(): Promise<{ value: unknown } | undefined> | undefined {
  const g = globalThis as EarlyGlobals;
  const read = g.__orreryEarlyCounts;
  delete g.__orreryEarlyCounts;
  return read;
}

async function open(name: string): Promise<Db> {
  const early = name === DB_NAME ? await takeEarlyOpen() : undefined;
  const earlyRead = name === DB_NAME ? takeEarlyCounts() : undefined;
  let db: Db;
  // The counts record open-early.js read on the adopted connection while the module loaded.
  let earlyCounts: { value: unknown } | undefined;
  if (early && early.version === DB_VERSION) {
    db = wrap(early) as unknown as Db;
    // As openDB's blocking(): a newer version of Orrery wants to migrate.
    early.addEventListener('versionchange', () => {
      pending = undefined;
      early.close();
    });
    earlyCounts = await earlyRead;
  } else {
    early?.close();
    db = await openDB<OrreryDB>(name, DB_VERSION, {
      upgrade(udb, oldVersion, _newVersion, tx) {
        upgrade(udb, oldVersion, tx);
      },
      blocking(_current, _blocked, event) {
        // A newer version of Orrery wants to migrate: let it. Left open, this connection held the
        // upgrade back while this context's next open waited behind it: its reads never came back.
        pending = undefined;
        (event.target as IDBDatabase).close();
      },
    });
  }
  // The v2 migration leaves the unread ledger to be built from the posts (async work an
  // upgrade callback cannot await safely); whoever opens first builds it, in one transaction.
  const counts = (earlyCounts ? earlyCounts.value : await db.get('meta', 'counts')) as { needsRebuild?: boolean } | undefined;
  if (counts?.needsRebuild) {
    const tx = db.transaction(POST_STORES, 'readwrite');
    await rebuildLedger(tx);
    await tx.done;
  }
  return db;
}

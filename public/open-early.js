// Opens Orrery's database the moment an extension page starts parsing, while its module
// (tens of kilobytes) still loads: a classic script in <head> runs ~100 ms before the module.
// lib/db/open-db.ts adopts this connection when its version is current. Nothing is created
// here: when there is no database yet, the upgrade is aborted and the page opens it itself.
// It also reads the record open-db checks before the page's first query (a ledger left to
// rebuild): during a refresh any read of the post stores waits behind the worker's commit,
// and this one then waits while the module loads, not before the page's first query.
(() => {
  // The page is about to read: a refresh's commit queue starts no new transaction until the
  // page says it read its first screen, or the lease lapses (lib/poll/reader-gate.ts, which
  // spells the channel's name too; lib/ui/end-read-lease.ts ends it).
  try {
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    const channel = new BroadcastChannel('orrery-readers');
    channel.postMessage({ type: 'reading', id });
    globalThis.__orreryReadLease = { id, channel };
    // A page closed before its first screen was read ends its lease too.
    globalThis.addEventListener?.(
      'pagehide',
      () => {
        const lease = globalThis.__orreryReadLease;
        if (!lease) return;
        globalThis.__orreryReadLease = undefined;
        lease.channel.postMessage({ type: 'read', id });
      },
      { once: true },
    );
  } catch {
    globalThis.__orreryReadLease = undefined;
  }
  try {
    const req = indexedDB.open('orrery');
    globalThis.__orreryEarlyOpen = new Promise((resolve) => {
      req.onupgradeneeded = () => req.transaction && req.transaction.abort();
      req.onsuccess = () => {
        // Marks for bench:refresh's breakdown of a page's first screen (when the database opened, when the counts were read).
        performance.mark('orrery:early-db');
        const db = req.result;
        globalThis.__orreryEarlyCounts = new Promise((done) => {
          try {
            const get = db.transaction('meta').objectStore('meta').get('counts');
            get.onsuccess = () => {
              performance.mark('orrery:early-counts');
              done({ value: get.result });
            };
            get.onerror = (event) => {
              event.preventDefault();
              done(undefined);
            };
          } catch {
            done(undefined);
          }
        });
        resolve(db);
      };
      req.onerror = (event) => {
        event.preventDefault();
        resolve(undefined);
      };
      req.onblocked = () => resolve(undefined);
    });
  } catch {
    globalThis.__orreryEarlyOpen = undefined;
  }
})();

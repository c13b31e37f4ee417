// Opens Orrery's database the moment an extension page starts parsing, while its module
// (tens of kilobytes) still loads: a classic script in <head> runs ~100 ms before the module.
// lib/db/open-db.ts adopts this connection when its version is current. Nothing is created
// here: when there is no database yet, the upgrade is aborted and the page opens it itself.
// It also reads the record open-db checks before the page's first query (a ledger left to
// rebuild): during a refresh any read of the post stores waits behind the worker's commit,
// and this one then waits while the module loads, not before the page's first query.
(() => {
  try {
    const req = indexedDB.open('orrery');
    globalThis.__orreryEarlyOpen = new Promise((resolve) => {
      req.onupgradeneeded = () => req.transaction && req.transaction.abort();
      req.onsuccess = () => {
        const db = req.result;
        globalThis.__orreryEarlyCounts = new Promise((done) => {
          try {
            const get = db.transaction('meta').objectStore('meta').get('counts');
            get.onsuccess = () => done({ value: get.result });
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

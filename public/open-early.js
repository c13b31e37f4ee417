// Opens Orrery's database the moment an extension page starts parsing, while its module
// (tens of kilobytes) still loads: a classic script in <head> runs ~100 ms before the module.
// lib/db/open-db.ts adopts this connection when its version is current. Nothing is created
// here: when there is no database yet, the upgrade is aborted and the page opens it itself.
(() => {
  try {
    const req = indexedDB.open('orrery');
    globalThis.__orreryEarlyOpen = new Promise((resolve) => {
      req.onupgradeneeded = () => req.transaction && req.transaction.abort();
      req.onsuccess = () => resolve(req.result);
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

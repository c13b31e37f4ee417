/**
 * An Orrery database as schema v5 left it, made from a page of the extension's origin that
 * does not open the database itself (its manifest.json): the stores and indexes of v5, spelled
 * out here on their own so the v6 upgrade of the build under test is what a reader's store gets.
 * Fill it with seedPosts(page, { riverKeys: false }) (test/browser/river-seed.ts).
 */
import type { Page } from 'playwright-core';
import type { Orrery } from './launch';

/**
 * Stops the worker, closes the extension's pages, and replaces the database by an empty v5
 * one; resolves with the page (manifest.json) to seed it from. The next page of Orrery, or the
 * worker's next wake, upgrades it.
 */
export async function emptyV5Database(orrery: Orrery): Promise<Page> {
  for (const p of orrery.context.pages()) if (p.url().startsWith(`chrome-extension://${orrery.extensionId}/`)) await p.close();
  const page = await orrery.context.newPage();
  await page.goto(`chrome-extension://${orrery.extensionId}/manifest.json`);
  // The worker's connection stays open while it runs (and any event may wake it): stop it until the delete goes through.
  let deleted = false;
  const deleting = page
    .evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const del = indexedDB.deleteDatabase('orrery');
          del.onsuccess = () => resolve();
          del.onerror = () => reject(del.error);
        }),
    )
    .finally(() => (deleted = true));
  while (!deleted) {
    await orrery.stopWorker();
    await Promise.race([deleting, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  }
  await deleting;
  // (Were the worker to wake between the delete and this, it would create the database at v6
  // and this open fail with a VersionError: the test fails loudly, it does not pass wrongly.)
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('orrery', 5);
      req.onupgradeneeded = () => {
        const d = req.result;
        const feeds = d.createObjectStore('feeds', { keyPath: 'id' });
        feeds.createIndex('url', 'url', { unique: true });
        feeds.createIndex('nextCheckAt', 'nextCheckAt');
        const posts = d.createObjectStore('posts', { keyPath: ['feedId', 'id'] });
        posts.createIndex('bySort', 'sortKey');
        posts.createIndex('byFeed', ['feedId', 'sortKey']);
        posts.createIndex('byFolder', ['folder', 'sortKey']);
        posts.createIndex('byStarred', ['starred', 'sortKey']);
        posts.createIndex('bySyncItem', 'syncItemId');
        posts.createIndex('byHidden', ['hiddenBy', 'sortKey']);
        posts.createIndex('byDupKey', 'dupKeys', { multiEntry: true });
        posts.createIndex('byFolded', 'dupOf');
        for (const name of ['meta', 'unread', 'unreadByFeed', 'unreadByFolder']) d.createObjectStore(name);
        d.createObjectStore('syncQueue', { keyPath: 'key' });
        d.createObjectStore('articles', { keyPath: ['feedId', 'id'] });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
  });
  return page;
}

/** Where the v6 backfill stands (the meta record riverFill), the database's version and the posts store's indexes, read from `page`. */
export async function riverFill(page: Page): Promise<{ version: number; fill?: { done: boolean; after?: [string, string] }; indexes: string[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('orrery');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const fill = await new Promise<{ done: boolean; after?: [string, string] } | undefined>((resolve) => {
      const r = db.transaction('meta').objectStore('meta').get('riverFill');
      r.onsuccess = () => resolve(r.result as never);
    });
    const version = db.version;
    const indexes = [...db.transaction('posts').objectStore('posts').indexNames];
    db.close();
    return { version, fill, indexes };
  });
}

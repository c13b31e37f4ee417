/** Feeds and posts as the sync suites check them, read straight from Orrery's IndexedDB in an extension page (Chromium or Firefox). */

/** A feed's fields the sync suites check. */
export interface SyncFeedRow {
  id: string;
  url: string;
  title: string;
  folder: string;
  syncId?: string;
}

/** A post's fields the sync suites check. */
export interface SyncPostRow {
  feedId: string;
  id: string;
  url?: string;
  read: number;
  starred: number;
  syncItemId?: string;
}

/** Anything with an `evaluate(fn)` of a function without arguments (playwright's and puppeteer's pages alike). */
interface Evaluates {
  evaluate<T>(fn: () => Promise<T>): Promise<T>;
}

/** Every feed and post, read in `page`. */
export function readSyncDb(page: Evaluates): Promise<{ feeds: SyncFeedRow[]; posts: SyncPostRow[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('orrery');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
        r.onerror = () => reject(r.error);
      });
    const feeds = await all<SyncFeedRow>('feeds');
    const posts = await all<SyncPostRow>('posts');
    db.close();
    return {
      feeds: feeds.map((f) => ({ id: f.id, url: f.url, title: f.title, folder: f.folder, syncId: f.syncId })),
      posts: posts.map((p) => ({ feedId: p.feedId, id: p.id, url: p.url, read: p.read, starred: p.starred, syncItemId: p.syncItemId })),
    };
  });
}

/** Reading subscriptions and posts straight from IndexedDB, for the subscribing and detection suites. */
import type { Page } from 'playwright-core';

/** A subscription as the suites check it. */
export interface FeedRow {
  id: string;
  url: string;
  title: string;
  folder: string;
  fetchCount: number;
  lastStatus?: string;
  etag?: string;
  overrideMinutes?: number;
  notify?: boolean;
  leftPlanet?: { url: string; title: string };
  /** Stored posts of the feed, and their folders. */
  posts: number;
  postFolders: string[];
}

/** Every stored feed with its post count, read in an extension page. */
export function readFeeds(page: Page): Promise<FeedRow[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('orrery');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const ask = <T,>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const tx = db.transaction(['feeds', 'posts']);
    const feeds = (await ask(tx.objectStore('feeds').getAll())) as FeedRowRecord[];
    const out = [];
    for (const f of feeds) {
      const posts = (await ask(tx.objectStore('posts').getAll(IDBKeyRange.bound([f.id, ''], [f.id, '\uffff'])))) as { folder: string }[];
      out.push({ ...f, posts: posts.length, postFolders: [...new Set(posts.map((p) => p.folder))] });
    }
    db.close();
    return out;
    interface FeedRowRecord {
      id: string;
      url: string;
      title: string;
      folder: string;
      fetchCount: number;
    }
  }) as Promise<FeedRow[]>;
}

/** One feed by URL (undefined when not subscribed). */
export async function readFeed(page: Page, url: string): Promise<FeedRow | undefined> {
  return (await readFeeds(page)).find((f) => f.url === url);
}

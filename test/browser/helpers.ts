/** Small helpers the browser suites share: messages, waiting for refreshes, reading the store. */
import type { Page, Worker } from 'playwright-core';

/** Sends a protocol message from an extension page, as the UI does. */
export function sendFromPage<T = unknown>(page: Page, message: object): Promise<T> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;
}

/** Waits until a "refresh now" started at or after `since` (epoch ms) has finished. */
export async function waitForRefresh(page: Page, since = 0, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const p = await sendFromPage<{ running: boolean; startedAt: number; done: number; total: number }>(page, { type: 'get-refresh-progress' });
    if (!p.running && p.startedAt >= since) return;
    if (Date.now() > until) throw new Error(`refresh still running after ${timeoutMs} ms: ${p.done}/${p.total}`);
    await page.waitForTimeout(200);
  }
}

/** What is stored, read straight from IndexedDB in an extension context. */
export interface StoreSnapshot {
  feeds: number;
  posts: number;
  unread: number;
  keys: string[];
}

/** Reads counts and every post key from IndexedDB (page or worker). */
export function readStore(target: Page | Worker): Promise<StoreSnapshot> {
  return (target as Page).evaluate(async () => {
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
    const feeds = await ask(tx.objectStore('feeds').count());
    const posts = await ask(tx.objectStore('posts').count());
    // Counted from the posts themselves, not from the counts Orrery maintains, to check them.
    const unread = (await ask(tx.objectStore('posts').getAll())).filter((p: { read: number }) => p.read === 0).length;
    const keys = (await ask(tx.objectStore('posts').getAllKeys())).map((k) => JSON.stringify(k));
    db.close();
    return { feeds, posts, unread, keys };
  });
}

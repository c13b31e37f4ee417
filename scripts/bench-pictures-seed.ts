// Pictures for the UI benches: 50 distinct 192x128 PNGs served by the fixture server, and a
// picture given to every stored post (the river reads imageUrl first), as feeds with thumbnails do.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { png } from '../test/browser/png';
import type { FixtureServer } from '../test/server/fixture-server.mjs';

/** Serves http://pics.example/thumb/0..49.png from `server`; `onRequest` counts the requests. */
export function servePictures(server: FixtureServer, onRequest?: () => void): void {
  const image = png(192, 128);
  for (let n = 0; n < 50; n++) {
    server.overrides.set(`http://pics.example/thumb/${n}.png`, (_req: IncomingMessage, res: ServerResponse) => {
      onRequest?.();
      res.writeHead(200, { 'Content-Type': 'image/png' }).end(image);
    });
  }
}

/** Gives every stored post without a picture one of the served pictures, from an extension page. */
export async function addPictures(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('orrery');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('posts', 'readwrite');
      let n = 0;
      tx.objectStore('posts').openCursor().onsuccess = (e) => {
        const c = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
        if (!c) return;
        if (!c.value.imageUrl) c.update({ ...c.value, imageUrl: `http://pics.example/thumb/${n++ % 50}.png` });
        c.continue();
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

/**
 * A newer version of Orrery opening the database while the river is open (its own file: the
 * database is left at the newer version). The page's connection used to stay open, holding the
 * newer version's upgrade back, while its next read opened the database again behind that
 * upgrade: the read never came back, and every later j/k waited behind it (this test never ended).
 * Now the connection gives way and the read fails: the river says why.
 */
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { openOrreryDb } from '../../lib/db/open-db';
import { DB_NAME, DB_VERSION } from '../../lib/db/schema';
import { posts, riverOf } from './river-test-core';

it('a press past the pages read after a newer version took the database says why, and is not left waiting', async () => {
  const { c, paging } = riverOf(() => Promise.resolve({ posts: posts(40, 40), next: 'c80' }));
  await openOrreryDb();
  const newer = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION + 1);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    expect(await paging.ensure(40)).toBeUndefined();
    expect(c.s.current.error).toBe('Orrery was updated since this page opened. Reload the page.');
    expect(c.s.current.loading).toBe(false);
  } finally {
    newer.close();
  }
});

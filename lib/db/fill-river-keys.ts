/**
 * Gives every stored post its riverKeys (schema v6), in the upgrade transaction: the river's
 * new index must be whole before any page reads them. Batches of getAll and puts queued
 * without waiting (requests run in order), where a cursor would cost a round trip per post.
 */
import type { IDBPObjectStore } from 'idb';
import { markRiver } from './river-keys';
import type { StoredPost } from './types';

const BATCH = 1000;

/** Sets riverKeys on every post of `store` the river shows; resolves with the number rewritten. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function fillRiverKeys(store: IDBPObjectStore<any, any, any, 'versionchange'>): Promise<number> {
  let rewritten = 0;
  let after: IDBValidKey | undefined;
  for (;;) {
    const posts = (await store.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), BATCH)) as StoredPost[];
    for (const p of posts) {
      if (markRiver(p)) {
        void store.put(p);
        rewritten++;
      }
    }
    const last = posts[posts.length - 1];
    if (posts.length < BATCH || !last) return rewritten;
    after = [last.feedId, last.id];
  }
}

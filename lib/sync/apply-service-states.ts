/** Bringing local read and starred flags in line with the service's id lists. */
import type { Db } from '../db/open-db';
import { POST_STORES, postWriter } from '../db/post-writes';
import type { StoredPost } from '../db/types';

/** The service's state: unread and starred item ids (complete lists, or undefined when capped). */
export interface ServiceStates {
  unread?: Set<string>;
  starred?: Set<string>;
}

/**
 * Sets read and starred on every synced post to the service's state, except where a local
 * change still waits in the queue (`pending` holds `read:<id>`/`starred:<id>` keys): that one is
 * newer than what the service knows and will be sent. Returns the keys of posts changed.
 */
export async function applyServiceStates(db: Db, states: ServiceStates, pending: Set<string>): Promise<[string, string][]> {
  const tx = db.transaction([...POST_STORES], 'readwrite');
  const writer = await postWriter(tx);
  const changed: [string, string][] = [];
  const updates: [StoredPost, StoredPost][] = [];
  for (const p of await tx.objectStore('posts').index('bySyncItem').getAll()) {
    const id = p.syncItemId!;
    const next = { ...p };
    if (states.unread && !pending.has(`read:${id}`)) next.read = states.unread.has(id) ? 0 : 1;
    if (states.starred && !pending.has(`starred:${id}`)) next.starred = states.starred.has(id) ? 1 : 0;
    if (next.read !== p.read || next.starred !== p.starred) updates.push([p, next]);
  }
  await Promise.all(updates.map(([old, next]) => writer.put(old, next)));
  for (const [old] of updates) changed.push([old.feedId, old.id]);
  await writer.save();
  await tx.done;
  return changed;
}

/** The IndexedDB queue of local changes waiting for the sync service (survives a killed worker). */
import type { Db } from '../db/open-db';
import type { SyncQueueEntry } from '../db/types';

/** Adds changes; an entry with the same key (same item and tag, same feed) is replaced: the latest change wins. */
export async function enqueue(db: Db, entries: SyncQueueEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const tx = db.transaction('syncQueue', 'readwrite');
  await Promise.all([...entries.map((e) => tx.store.put(e)), tx.done]);
}

/** Every queued change, in key order. */
export function queuedEntries(db: Db): Promise<SyncQueueEntry[]> {
  return db.getAll('syncQueue');
}

/** How many changes wait. */
export function queuedCount(db: Db): Promise<number> {
  return db.count('syncQueue');
}

/**
 * Removes changes the service accepted. One changed again meanwhile (a newer `at` under the
 * same key) stays queued, so a click during a sync is never lost.
 */
export async function dequeue(db: Db, sent: SyncQueueEntry[]): Promise<void> {
  if (sent.length === 0) return;
  const tx = db.transaction('syncQueue', 'readwrite');
  await Promise.all(
    sent.map(async (e) => {
      const current = await tx.store.get(e.key);
      if (current && current.at === e.at) await tx.store.delete(e.key);
    }),
  );
  await tx.done;
}

/** Drops every queued change (disconnecting). */
export async function clearQueue(db: Db): Promise<void> {
  await db.clear('syncQueue');
}

/** The queue entries for read or starred set on these posts (only posts the service knows). */
export async function stateEntries(db: Db, keys: [string, string][], tag: 'read' | 'starred', on: boolean, at: number): Promise<SyncQueueEntry[]> {
  const tx = db.transaction('posts');
  const posts = await Promise.all(keys.map((k) => tx.store.get(k)));
  return posts
    .filter((p) => p?.syncItemId !== undefined)
    .map((p) => ({ key: `${tag}:${p!.syncItemId!}`, kind: 'state' as const, tag, itemId: p!.syncItemId!, on, at }));
}

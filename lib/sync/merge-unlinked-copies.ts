/**
 * After a disconnect, Orrery polls the formerly synced feeds itself, and its parser names a
 * post by the feed's guid while the service's copy is named by the service's item id: the
 * same post twice. After each poll of such a feed, the service's copy of a post Orrery now has
 * under its own id gives way to it, handing over read, starred and first-seen.
 */
import type { Db } from '../db/open-db';
import { POST_STORES, postWriter } from '../db/post-writes';
import type { StoredPost } from '../db/types';

/** The keys of a feed's posts named by the service (`gr:…` ids): a key range, no records. */
const serviceIds = (feedId: string) => IDBKeyRange.bound([feedId, 'gr:'], [feedId, 'gr;'], false, true);

/** Merges the copies in one feed; returns how many service copies were removed. */
export async function mergeUnlinkedCopies(db: Db, feedId: string): Promise<number> {
  // This runs after every poll that added posts, and almost no feed was ever synced: a
  // read-only look at keys first, because a read-write transaction over the post stores would
  // queue between the refresh's commits and every page's reads (545 of them in a first refresh).
  if ((await db.count('posts', serviceIds(feedId))) === 0) return 0;
  const tx = db.transaction([...POST_STORES], 'readwrite');
  const range = IDBKeyRange.bound([feedId, -Infinity], [feedId, Infinity]);
  const posts = await tx.objectStore('posts').index('byFeed').getAll(range);
  const serviceCopies = posts.filter((p) => p.syncItemId !== undefined && p.id.startsWith('gr:') && p.url);
  if (serviceCopies.length === 0) {
    await tx.done;
    return 0;
  }
  const own = new Map<string, StoredPost>();
  for (const p of posts) if (!p.id.startsWith('gr:') && p.url) own.set(p.url, p);
  const writer = await postWriter(tx);
  let merged = 0;
  for (const copy of serviceCopies) {
    const mine = own.get(copy.url!);
    if (!mine) continue;
    await writer.put(mine, { ...mine, read: copy.read, starred: mine.starred || copy.starred ? 1 : 0, firstSeen: Math.min(mine.firstSeen, copy.firstSeen) });
    await writer.remove(copy);
    merged++;
  }
  await writer.save();
  await tx.done;
  return merged;
}

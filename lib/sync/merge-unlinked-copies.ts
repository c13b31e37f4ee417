/**
 * After a disconnect, Orrery polls the formerly synced feeds itself, and its parser names a
 * post by the feed's guid while the service's copy is named by the service's item id: the
 * same post twice. After each poll of such a feed, the service's copy of a post Orrery now has
 * under its own id gives way to it, handing over read, starred and first-seen, and the copies
 * other feeds folded under it (left folded under a removed post they would be hidden for good).
 */
import type { Db } from '../db/open-db';
import { postKeyId } from '../db/post-key-id';
import { POST_STORES, postWriter } from '../db/post-writes';
import type { StoredPost } from '../db/types';
import { alsoInOf } from '../dedupe/also-in';
import { unfoldRemoved } from '../dedupe/unfold-removed';

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
  const store = tx.objectStore('posts');
  const byFolded = store.index('byFolded');
  /** Removed copies whose own copies or shown post the dedupe code puts right (lib/dedupe/unfold-removed.ts). */
  const unfold: StoredPost[] = [];
  let merged = 0;
  for (const copy of serviceCopies) {
    const mine = own.get(copy.url!);
    if (!mine) continue;
    const next: StoredPost = { ...mine, read: copy.read, starred: mine.starred || copy.starred ? 1 : 0, firstSeen: Math.min(mine.firstSeen, copy.firstSeen) };
    if (copy.alsoIn && !mine.dupOf) {
      // The same post in the same feed: its copies fold under Orrery's own copy instead.
      const keys = await alsoInOf(byFolded, copy);
      const copies = (await Promise.all(keys.map((k) => store.get(k)))).filter(
        (c): c is StoredPost => c !== undefined && c.dupOf?.[0] === copy.feedId && c.dupOf[1] === copy.id,
      );
      for (const c of copies) await writer.put(c, { ...c, dupOf: [mine.feedId, mine.id] });
      const listed = new Set((mine.alsoIn ?? []).map(([f, i]) => postKeyId(f, i)));
      const added = copies.filter((c) => !listed.has(postKeyId(c.feedId, c.id))).map((c): [string, string] => [c.feedId, c.id]);
      if (added.length) next.alsoIn = [...(mine.alsoIn ?? []), ...added];
    } else if (copy.alsoIn || copy.dupOf) unfold.push(copy);
    await writer.put(mine, next);
    await writer.remove(copy);
    merged++;
  }
  if (unfold.length) await unfoldRemoved(tx, writer, unfold);
  await writer.save();
  await tx.done;
  return merged;
}

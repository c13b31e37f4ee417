/**
 * A folder's and the starred river's counts over the v5 indexes, while the v6 backfill of
 * riverKeys is not done (lib/db/river-backfill.ts): posts stored before v6 may not be in
 * byRiver yet, so the posts of the scope are counted less those the river leaves out.
 */
import type { Db } from './open-db';
import { postKeyId } from './post-key-id';
import type { StoredPost } from './types';

/** Posts a folder's river (`folder`) or the starred river (no folder) shows, read from the v5 indexes. */
export async function countPostsLegacy(db: Db, folder: string | undefined): Promise<number> {
  const stored =
    folder !== undefined
      ? await db.countFromIndex('posts', 'byFolder', IDBKeyRange.bound([folder, -Infinity], [folder, Infinity]))
      : // Few posts are starred, and starring is rare: an index count stays small.
        await db.countFromIndex('posts', 'byStarred', IDBKeyRange.bound([1, -Infinity], [1, Infinity]));
  const tx = db.transaction('posts');
  // Both indexes are sparse: only posts a rule hid, only folded copies.
  const [h, f] = await Promise.all([tx.store.index('byHidden').getAll(), tx.store.index('byFolded').getAll()]);
  const inScope = (p: StoredPost) => (folder !== undefined ? p.folder === folder : p.starred === 1);
  const hidden = new Set(h.filter(inScope).map((p) => postKeyId(p.feedId, p.id)));
  return stored - hidden.size - f.filter((p) => inScope(p) && !hidden.has(postKeyId(p.feedId, p.id))).length;
}

/**
 * The posts rules hid, for the river's "N hidden by rules: show them". The byHidden index is
 * sparse (only hidden posts are in it); counting a scope reads its keys only, and the posts
 * themselves are read when the reader asks to see them.
 */
import type { Db } from '../db/open-db';
import type { StoredPost } from '../db/types';

/** Which feeds a river holds: undefined for everything, else a test of a feed id. */
export type FeedFilter = ((feedId: string) => boolean) | undefined;

/** Hidden posts listed at most. */
const MAX = 2000;

/** How many posts rules hid among the feeds `inScope` accepts (all when undefined). */
export async function countHidden(db: Db, inScope: FeedFilter): Promise<number> {
  const index = db.transaction('posts').store.index('byHidden');
  if (!inScope) return index.count();
  const keys = await index.getAllKeys();
  return keys.filter((k) => inScope(k[0])).length;
}

/** The hidden posts of the scope, newest first, at most MAX. */
export async function listHidden(db: Db, inScope: FeedFilter): Promise<StoredPost[]> {
  const tx = db.transaction('posts');
  const index = tx.store.index('byHidden');
  let posts: StoredPost[];
  if (!inScope) {
    posts = await index.getAll();
  } else {
    const keys = (await index.getAllKeys()).filter((k) => inScope(k[0]));
    posts = (await Promise.all(keys.map((k) => tx.store.get(k)))).filter((p): p is StoredPost => p !== undefined);
  }
  return posts.sort((a, b) => b.sortKey - a.sortKey).slice(0, MAX);
}

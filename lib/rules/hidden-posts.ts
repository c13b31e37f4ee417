/** The posts rules hid, for the river's "N hidden by rules: show" (a sparse index: only hidden posts are in it). */
import type { Db } from '../db/open-db';
import type { StoredPost } from '../db/types';

/** Which river the hidden posts are counted for. */
export interface HiddenScope {
  feedId?: string;
  folder?: string;
}

/** Hidden posts read at most (the count says when there are more). */
const MAX = 2000;

/** Posts hidden by rules in a scope, newest first, and how many there are. */
export async function hiddenPosts(db: Db, scope: HiddenScope): Promise<{ posts: StoredPost[]; total: number }> {
  const tx = db.transaction('posts');
  const index = tx.store.index('byHidden');
  if (scope.feedId === undefined && scope.folder === undefined) {
    const [total, posts] = await Promise.all([index.count(), index.getAll(undefined, MAX)]);
    await tx.done;
    return { posts: posts.sort((a, b) => b.sortKey - a.sortKey), total };
  }
  const all = await index.getAll();
  await tx.done;
  const posts = all.filter((p) => (scope.feedId === undefined || p.feedId === scope.feedId) && (scope.folder === undefined || p.folder === scope.folder));
  return { posts: posts.sort((a, b) => b.sortKey - a.sortKey).slice(0, MAX), total: posts.length };
}

/** The posts and subscriptions a Planet export holds: the whole river or one folder, newest first. */
import { listFeeds } from '../db/feeds';
import type { Db } from '../db/open-db';
import { queryPosts, type PageCursor } from '../db/queries';
import type { StoredFeed, StoredPost } from '../db/types';

/** What readRiver returns. */
export interface RiverExport {
  posts: StoredPost[];
  feeds: Map<string, StoredFeed>;
}

/** True for a post the river does not show on its own: hidden by a rule, or a folded copy of another post. */
export function isShownInRiver(post: StoredPost): boolean {
  return post.hiddenBy === undefined && post.dupOf === undefined;
}

/**
 * Reads the river of `folder` (or everything) newest first, in pages of the river's own
 * queries, at most `limit` posts; posts the river hides (muted, folded copies) are left out.
 */
export async function readRiver(db: Db, opts: { folder?: string; limit?: number; onProgress?: (read: number) => void }): Promise<RiverExport> {
  const all = await listFeeds(db);
  const feeds = new Map(all.filter((f) => opts.folder === undefined || f.folder === opts.folder).map((f) => [f.id, f]));
  const limit = opts.limit ?? Infinity;
  const posts: StoredPost[] = [];
  let after: PageCursor | undefined;
  do {
    const page = await queryPosts(db, { filter: 'all', limit: 500, ...(opts.folder !== undefined ? { folder: opts.folder } : {}), ...(after ? { after } : {}) });
    for (const p of page.posts) if (feeds.has(p.feedId) && isShownInRiver(p) && posts.length < limit) posts.push(p);
    after = page.next;
    opts.onProgress?.(posts.length);
  } while (after && posts.length < limit);
  return { posts, feeds };
}

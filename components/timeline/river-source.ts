/** Where the river's pages come from: a stored query (scope and filter) or a list of search results. */
import type { Db } from '../../lib/db/open-db';
import { countPosts } from '../../lib/db/count-posts';
import { postKeyId } from '../../lib/db/post-key-id';
import { newestShownSortKey, queryPosts, type PageCursor, type PostQuery } from '../../lib/db/queries';
import type { StoredPost } from '../../lib/db/types';

/** A post's key as a string (for maps and DOM ids). */
export const keyOf = (p: { feedId: string; id: string }): string => postKeyId(p.feedId, p.id);

/** One page read from a source, and where the next one starts (undefined at the end). */
export interface SourcePage {
  posts: StoredPost[];
  next?: unknown;
}

/** A sequence of posts, newest first, read a page at a time. */
export interface RiverSource {
  /** Identity: a different id means a different river (the window starts over). */
  id: string;
  load(db: Db, start: unknown, limit: number): Promise<SourcePage>;
  /** How many posts the river has, when an index can tell cheaply. */
  count(db: Db): Promise<number | undefined>;
  /** The newest post's sort key, to notice new posts; undefined when that means nothing (search). */
  head(db: Db): Promise<number | undefined>;
}

/** The river of a scope (everything, a folder, a feed) under a filter. */
export function querySource(q: Omit<PostQuery, 'limit' | 'after'>): RiverSource {
  return {
    id: `q:${q.filter}:${q.feedId ?? ''}:${q.folder ?? ''}:${q.feedId !== undefined ? 'f' : q.folder !== undefined ? 'd' : 'a'}`,
    async load(db, start, limit) {
      const page = await queryPosts(db, { ...q, limit, ...(start ? { after: start as PageCursor } : {}) });
      return { posts: page.posts, ...(page.next ? { next: page.next } : {}) };
    },
    count: (db) => countPosts(db, q),
    head: (db) => newestShownSortKey(db, q),
  };
}

/** The river of search results (keys already ranked newest first). */
export function keysSource(id: string, keys: readonly [string, string][]): RiverSource {
  return {
    id,
    async load(db, start, limit) {
      const from = typeof start === 'number' ? start : 0;
      const posts = await readPosts(db, keys.slice(from, from + limit));
      const next = from + limit < keys.length ? from + limit : undefined;
      return { posts, ...(next !== undefined ? { next } : {}) };
    },
    count: () => Promise.resolve(keys.length),
    head: () => Promise.resolve(undefined),
  };
}

/** Reads posts by key in one transaction, in the order given; missing ones (deleted) are left out. */
export async function readPosts(db: Db, keys: readonly [string, string][]): Promise<StoredPost[]> {
  const tx = db.transaction('posts');
  // Awaited together: a transaction aborted meanwhile fails its requests and `done` both, and
  // neither rejection is left unhandled.
  const [got] = await Promise.all([Promise.all(keys.map((k) => tx.store.get(k))), tx.done]);
  // Posts carry their stored alsoIn: the river completes it for the posts it paints (./use-also-in.ts).
  return got.filter((p): p is StoredPost => p !== undefined);
}

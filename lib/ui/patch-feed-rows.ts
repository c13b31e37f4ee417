/** Applying a few re-read feeds to a list of rows, keeping every other row as it was (same object, so it is not rendered again). */
import { compareFeeds } from '../db/feeds';
import type { StoredFeed } from '../db/types';

/** One row of the subscriptions table. */
export interface FeedRow {
  feed: StoredFeed;
  /** Stored posts of the feed. */
  posts: number;
}

/** What was re-read for one feed: its record (undefined when it is gone) and, when its posts changed, their count. */
export interface FeedUpdate {
  feed: StoredFeed | undefined;
  posts?: number;
}

/** The rows with `updates` applied (by feed id): gone feeds leave, new ones join in list order. */
export function patchFeedRows(rows: readonly FeedRow[], updates: ReadonlyMap<string, FeedUpdate>): FeedRow[] {
  let reorder = false;
  const seen = new Set<string>();
  const out: FeedRow[] = [];
  for (const row of rows) {
    const u = updates.get(row.feed.id);
    if (!u) {
      out.push(row);
      continue;
    }
    seen.add(row.feed.id);
    if (!u.feed) continue;
    if (compareFeeds(u.feed, row.feed) !== 0) reorder = true;
    out.push({ feed: u.feed, posts: u.posts ?? row.posts });
  }
  for (const [id, u] of updates) {
    if (seen.has(id) || !u.feed) continue;
    reorder = true;
    out.push({ feed: u.feed, posts: u.posts ?? 0 });
  }
  return reorder ? out.sort((a, b) => compareFeeds(a.feed, b.feed)) : out;
}

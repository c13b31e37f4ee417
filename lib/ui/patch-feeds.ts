/** Applying a few re-read feed records to a sorted list of feeds, keeping every other record as it was. */
import { compareFeeds } from '../db/feeds';
import type { StoredFeed } from '../db/types';

/**
 * The list with `updates` applied by id (undefined: the feed is gone), in list order: a
 * page patches the feeds a refresh polled instead of reading and sorting all of them again.
 * Feeds not updated keep their object; no updates give back the same array.
 */
export function patchFeeds(feeds: StoredFeed[], updates: ReadonlyMap<string, StoredFeed | undefined>): StoredFeed[] {
  if (updates.size === 0) return feeds;
  let reorder = false;
  const seen = new Set<string>();
  const out: StoredFeed[] = [];
  for (const feed of feeds) {
    if (!updates.has(feed.id)) {
      out.push(feed);
      continue;
    }
    seen.add(feed.id);
    const next = updates.get(feed.id);
    if (!next) continue;
    if (compareFeeds(next, feed) !== 0) reorder = true;
    out.push(next);
  }
  for (const [id, next] of updates) {
    if (seen.has(id) || !next) continue;
    reorder = true;
    out.push(next);
  }
  return reorder ? out.sort(compareFeeds) : out;
}

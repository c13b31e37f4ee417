/** What the timeline's sidebar and headers read: every feed and the unread counts, patched feed by feed while a refresh runs. */
import { listFeeds, readFeedsById } from '../../lib/db/feeds';
import type { Db } from '../../lib/db/open-db';
import { readUnreadCounts } from '../../lib/db/queries';
import type { StoredFeed } from '../../lib/db/types';
import { postsChanged } from '../../lib/messaging/stored-change';
import { patchFeeds } from '../../lib/ui/patch-feeds';
import type { PolledChange } from '../use-live-query';

/** Feeds (sorted), unread per feed, unread in all. */
export interface SideData {
  feeds: StoredFeed[];
  counts: Map<string, number>;
  total: number;
}

const countsOf = (feeds: StoredFeed[], unread: Record<string, number>) => new Map(feeds.map((f) => [f.id, unread[f.id] ?? 0]));

/** Every feed and the maintained counts, read side by side. */
export async function loadSide(db: Db): Promise<SideData> {
  const [feeds, unread] = await Promise.all([listFeeds(db), readUnreadCounts(db)]);
  return { feeds, counts: countsOf(feeds, unread.feeds), total: unread.total };
}

/** `current` after polls: the feeds they name re-read, the counts (one record) only when posts changed. */
export async function patchSide(db: Db, current: SideData, change: PolledChange): Promise<SideData> {
  const ids = [...new Set([...change.feeds, ...change.posts])];
  const [updates, unread] = await Promise.all([readFeedsById(db, ids), postsChanged(change) ? readUnreadCounts(db) : undefined]);
  const feeds = patchFeeds(current.feeds, updates);
  // Polls never add a feed (subscribing is an "everything changed"), so the counts stand when no posts changed.
  if (!unread) return { ...current, feeds };
  return { feeds, counts: countsOf(feeds, unread.feeds), total: unread.total };
}

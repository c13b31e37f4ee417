/**
 * What the popup reads: the unread total first (one record), then recent posts, unread counts
 * and the feeds, read whole when it opens and patched feed by feed while a refresh runs.
 */
import { listFeeds, readFeedsById } from '../../lib/db/feeds';
import type { Db } from '../../lib/db/open-db';
import { countUnread, queryPosts, readUnreadCounts } from '../../lib/db/queries';
import type { StoredFeed, StoredPost, UnreadCounts } from '../../lib/db/types';
import { postsChanged } from '../../lib/messaging/stored-change';
import type { SaveFailureState } from '../../lib/poll/save-failures';
import { withSaveFailures } from '../../lib/poll/save-failures';
import { t } from '../../lib/i18n/t';
import { feedHealth } from '../../lib/ui/feed-health';
import { patchFeeds } from '../../lib/ui/patch-feeds';
import type { PolledChange } from '../use-live-query';

/** Posts the popup lists. */
export const RECENT = 8;

/** One row of "unread by folder" (or by feed, when there are no folders). */
export interface UnreadGroup {
  kind: 'folder' | 'feed';
  /** Folder name or feed id. */
  id: string;
  label: string;
  unread: number;
}

/** What the popup shows of the posts: the newest (unread first) and the maintained counts. */
export interface PopupPosts {
  recent: StoredPost[];
  /** True when `recent` are unread posts (else the newest posts, all read). */
  recentUnread: boolean;
  counts: UnreadCounts;
}

/** What the popup reads from the database: every feed (sorted) and its posts part. */
export interface PopupData {
  feeds: StoredFeed[];
  posts: PopupPosts;
}

/** Everything but the total, as the popup renders it. */
export interface PopupDetails {
  recent: StoredPost[];
  /** True when `recent` are unread posts (else the newest posts, all read). */
  recentUnread: boolean;
  feeds: Map<string, StoredFeed>;
  groups: UnreadGroup[];
  failing: StoredFeed[];
  /** Storage is full: the last save of at least one feed was refused for lack of space. */
  storageFull: boolean;
}

/** The total unread, alone, so it paints before anything else. */
export const loadTotal = (db: Db): Promise<number> => countUnread(db);

/** The newest unread posts (or the newest, when none is unread) and the unread counts, read side by side. */
export async function loadPopupPosts(db: Db): Promise<PopupPosts> {
  const [unreadPage, counts] = await Promise.all([queryPosts(db, { filter: 'unread', limit: RECENT }), readUnreadCounts(db)]);
  const recentUnread = unreadPage.posts.length > 0;
  const recent = recentUnread ? unreadPage.posts : (await queryPosts(db, { filter: 'all', limit: RECENT })).posts;
  return { recent, recentUnread, counts };
}

/** Everything the popup reads, side by side (each read waits once behind the worker's writes, not one after another). */
export async function loadPopupData(db: Db): Promise<PopupData> {
  const [feeds, posts] = await Promise.all([listFeeds(db), loadPopupPosts(db)]);
  return { feeds, posts };
}

/** `current` after polls: the feeds they name re-read, the posts part only when their posts changed. */
export async function patchPopupData(db: Db, current: PopupData, change: PolledChange): Promise<PopupData> {
  const ids = [...new Set([...change.feeds, ...change.posts])];
  const [updates, posts] = await Promise.all([readFeedsById(db, ids), postsChanged(change) ? loadPopupPosts(db) : current.posts]);
  return { feeds: patchFeeds(current.feeds, updates), posts };
}

/** What the popup renders from its data and the statuses the worker holds because the database refused them. */
export function popupDetails(data: PopupData, unsaved: SaveFailureState | undefined): PopupDetails {
  const feeds = withSaveFailures(data.feeds, unsaved);
  const { counts } = data.posts;
  const folders = [...new Set(feeds.map((f) => f.folder))];
  let groups: UnreadGroup[];
  if (folders.length > 1 || (folders.length === 1 && folders[0] !== '')) {
    groups = folders.map((f) => ({ kind: 'folder', id: f, label: f || t('common_noFolder'), unread: counts.folders[f] ?? 0 }));
  } else {
    groups = feeds.map((f) => ({ kind: 'feed', id: f.id, label: f.title, unread: counts.feeds[f.id] ?? 0 }));
  }
  groups = groups.filter((g) => g.unread > 0).sort((a, b) => b.unread - a.unread);
  return {
    recent: data.posts.recent,
    recentUnread: data.posts.recentUnread,
    feeds: new Map(feeds.map((f) => [f.id, f])),
    groups,
    failing: feeds.filter((f) => feedHealth(f) === 'failing' || feedHealth(f) === 'gone'),
    storageFull: feeds.some((f) => f.lastStatus === 'storage-full'),
  };
}

/** What the popup reads: the unread total first (one index count), then recent posts, folders and failing feeds. */
import { listFeeds } from '../../lib/db/feeds';
import type { Db } from '../../lib/db/open-db';
import { countUnread, countUnreadByFeed, countUnreadInFolder, queryPosts } from '../../lib/db/queries';
import type { StoredFeed, StoredPost } from '../../lib/db/types';
import { feedHealth } from '../../lib/ui/feed-health';
import { send } from '../../lib/messaging/protocol';
import { withSaveFailures } from '../../lib/poll/save-failures';

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

/** Everything but the total. */
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

/** Recent posts, unread per folder (or per feed), failing feeds. */
export async function loadDetails(db: Db): Promise<PopupDetails> {
  const [unreadPage, stored, unsaved] = await Promise.all([
    queryPosts(db, { filter: 'unread', limit: RECENT }),
    listFeeds(db),
    // Statuses the database refused (storage full) are held by the worker: ask it.
    send({ type: 'get-save-failures' }).catch(() => undefined),
  ]);
  const feeds = withSaveFailures(stored, unsaved);
  const recentUnread = unreadPage.posts.length > 0;
  const recent = recentUnread ? unreadPage.posts : (await queryPosts(db, { filter: 'all', limit: RECENT })).posts;
  const folders = [...new Set(feeds.map((f) => f.folder))];
  let groups: UnreadGroup[];
  if (folders.length > 1 || (folders.length === 1 && folders[0] !== '')) {
    const counts = await Promise.all(folders.map((f) => countUnreadInFolder(db, f)));
    groups = folders.map((f, i) => ({ kind: 'folder', id: f, label: f || 'No folder', unread: counts[i] ?? 0 }));
  } else {
    const counts = await countUnreadByFeed(db, feeds.map((f) => f.id));
    groups = feeds.map((f) => ({ kind: 'feed', id: f.id, label: f.title, unread: counts.get(f.id) ?? 0 }));
  }
  groups = groups.filter((g) => g.unread > 0).sort((a, b) => b.unread - a.unread);
  return {
    recent,
    recentUnread,
    feeds: new Map(feeds.map((f) => [f.id, f])),
    groups,
    failing: feeds.filter((f) => feedHealth(f) === 'failing' || feedHealth(f) === 'gone'),
    storageFull: feeds.some((f) => f.lastStatus === 'storage-full'),
  };
}

/**
 * For the lib/db tests: a database as an older Orrery (schema v5 or v6) left it, built through the real
 * migrations up to that version, then filled as that version wrote: three feeds in two folders,
 * posts some of which are read, starred, hidden by a rule (the newest ones) or folded under an older
 * copy, the unread ledger and the counts kept. The upgrade and backfill tests open it with today's code.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { markRiver } from '../../lib/db/river-keys';
import { MIGRATIONS, type OrreryDB } from '../../lib/db/schema';
import type { StoredPost } from '../../lib/db/types';

/** The feeds of an old store, f0…f2 (feed i in folder i % 2). */
export const OLD_STORE_FEEDS = ['f0', 'f1', 'f2'] as const;

/** What an old store holds. */
export interface OldStoreOptions {
  /** The schema version that wrote it. */
  version: 5 | 6;
  /** The two folders the feeds alternate between ('' is "no folder"). */
  folders: readonly [string, string];
  /** How many posts (p0…, sortKey = their number). */
  posts: number;
  /** The newest this many posts hidden by a rule ('r'). */
  hiddenNewest: number;
  /** Which posts carry their riverKeys (as v6 wrote them); none when absent (v5 had none). */
  keyed?: (post: StoredPost, i: number) => boolean;
  /** More `meta` entries, by key. */
  meta?: Record<string, unknown>;
}

/** Writes the database `name` as `opts.version` left it, and closes it. */
export async function oldStore(name: string, opts: OldStoreOptions): Promise<void> {
  const { version, folders, posts, hiddenNewest } = opts;
  const db = await openDB<OrreryDB>(name, version, {
    upgrade(udb, oldVersion, _n, tx) {
      for (let i = oldVersion; i < version; i++) MIGRATIONS[i]!(udb as never, tx as never, oldVersion);
    },
  });
  // Untyped: the `unread` store of these versions is gone from the current schema (v8).
  const tx = (db as unknown as IDBPDatabase).transaction(['feeds', 'posts', 'unread', 'unreadByFeed', 'unreadByFolder', 'meta'], 'readwrite');
  OLD_STORE_FEEDS.forEach((id, i) => {
    void tx.objectStore('feeds').put({
      id, url: `http://${id}.example/feed.xml`, title: id, folder: folders[i % 2]!, state: 'active', addedAt: 1,
      nextCheckAt: 2, intervalMs: 0, scheduleReason: '', errorCount: 0, fetchCount: 1, notModifiedCount: 0, bytesReceived: 0,
    });
  });
  const counts = { total: 0, posts: 0, feeds: {} as Record<string, number>, folders: {} as Record<string, number> };
  for (let i = 0; i < posts; i++) {
    const f = i % OLD_STORE_FEEDS.length;
    const feedId = OLD_STORE_FEEDS[f]!;
    const folder = folders[f % 2]!;
    const read = i % 3 === 0 ? 0 : 1;
    const post: StoredPost = {
      feedId, id: `p${i}`, title: `Post ${i}`, firstSeen: i, sortKey: i, enclosures: [], categories: [], read, starred: i % 7 === 0 ? 1 : 0, folder, updatedAt: i,
      // The newest hidden by a rule (a river whose top a rule hid), some folded under an older post.
      ...(i >= posts - hiddenNewest ? { hiddenBy: 'r' } : {}),
      ...(i % 11 === 5 && i < posts - hiddenNewest ? { dupOf: [OLD_STORE_FEEDS[(f + 1) % 3]!, `p${i - 4}`] as [string, string] } : {}),
    };
    if (opts.keyed?.(post, i)) markRiver(post);
    void tx.objectStore('posts').put(post);
    counts.posts++;
    if (read === 0) {
      counts.total++;
      counts.feeds[feedId] = (counts.feeds[feedId] ?? 0) + 1;
      counts.folders[folder] = (counts.folders[folder] ?? 0) + 1;
      void tx.objectStore('unread').put(1, [i, feedId, post.id]);
      void tx.objectStore('unreadByFeed').put(1, [feedId, i, post.id]);
      void tx.objectStore('unreadByFolder').put(1, [folder, i, feedId, post.id]);
    }
  }
  void tx.objectStore('meta').put(counts, 'counts');
  for (const [key, value] of Object.entries(opts.meta ?? {})) void tx.objectStore('meta').put(value as never, key);
  await tx.done;
  db.close();
}

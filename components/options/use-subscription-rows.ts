/**
 * The subscriptions table's data: every feed with its post count, read whole when the page
 * opens and after the reader's own changes, and patched feed by feed as polls commit (a
 * refresh of 545 feeds re-reads only the feeds it polled since the last patch, not 545 rows
 * and 545 counts several times a second).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { compareFeeds } from '../../lib/db/feeds';
import { openOrreryDb, type Db } from '../../lib/db/open-db';
import { onStoredChange } from '../../lib/messaging/changes';
import { send } from '../../lib/messaging/protocol';
import { withSaveFailures } from '../../lib/poll/save-failures';
import type { StoredChange } from '../../lib/messaging/stored-change';
import { endReadLease } from '../../lib/ui/end-read-lease';
import { patchFeedRows, type FeedRow, type FeedUpdate } from '../../lib/ui/patch-feed-rows';

const postsOf = (id: string) => IDBKeyRange.bound([id, -Infinity], [id, Infinity]);

/** Every feed and its post count, in one transaction. */
async function readAll(db: Db): Promise<FeedRow[]> {
  const tx = db.transaction(['feeds', 'posts']);
  const feeds = (await tx.objectStore('feeds').getAll()).sort(compareFeeds);
  const index = tx.objectStore('posts').index('byFeed');
  const counts = await Promise.all(feeds.map((f) => index.count(postsOf(f.id))));
  await tx.done;
  return feeds.map((feed, i) => ({ feed, posts: counts[i] ?? 0 }));
}

/** The records of the feeds a change names, and the post counts of those whose posts changed. */
async function readSome(db: Db, change: Extract<StoredChange, { all: false }>): Promise<Map<string, FeedUpdate>> {
  const tx = db.transaction(['feeds', 'posts']);
  const feeds = tx.objectStore('feeds');
  const index = tx.objectStore('posts').index('byFeed');
  const withPosts = new Set(change.posts);
  const ids = [...new Set([...change.feeds, ...change.posts])];
  const read = await Promise.all(
    ids.map(async (id): Promise<[string, FeedUpdate]> => {
      const [feed, posts] = await Promise.all([feeds.get(id), withPosts.has(id) ? index.count(postsOf(id)) : undefined]);
      return [id, posts === undefined ? { feed } : { feed, posts }];
    }),
  );
  await tx.done;
  return new Map(read);
}

/**
 * The rows with the statuses the database refused to store (storage full) shown over the
 * records': the worker holds them. The same row objects when there are none.
 */
async function withUnsaved(rows: FeedRow[]): Promise<FeedRow[]> {
  const unsaved = await send({ type: 'get-save-failures' }).catch(() => undefined);
  const feeds = withSaveFailures(
    rows.map((r) => r.feed),
    unsaved,
  );
  return rows.map((r, i) => (feeds[i] === r.feed ? r : { ...r, feed: feeds[i]! }));
}

/** The rows (undefined until first read), the last read error, and a full re-read. */
export function useSubscriptionRows(): { value: FeedRow[] | undefined; error: string | undefined; reload: () => void } {
  const [value, setValue] = useState<FeedRow[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const rows = useRef<FeedRow[] | undefined>(undefined);
  // Reads run one after another, so a patch always applies to the rows read before it.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const enqueue = (step: (db: Db) => Promise<FeedRow[]>): Promise<void> => {
    const next = queue.current.then(async () => {
      try {
        rows.current = await withUnsaved(await step(await openOrreryDb()));
        setValue(rows.current);
        setError(undefined);
      } catch (err: unknown) {
        setError(err instanceof Error ? err.message : String(err));
      } finally {
        // The table is the page's first screen: a refresh may commit again (once; a no-op after).
        endReadLease();
      }
    });
    queue.current = next;
    return next;
  };
  const reload = () => void enqueue(readAll);
  useEffect(() => {
    reload();
    return onStoredChange((change) =>
      enqueue(async (db) => {
        const current = rows.current;
        return change.all || !current ? readAll(db) : patchFeedRows(current, await readSome(db, change));
      }),
    );
  }, []);
  return { value, error, reload };
}

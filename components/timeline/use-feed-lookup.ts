/**
 * The feeds a river names but the page's feed list does not hold yet. The timeline's list of
 * feeds is read after its first posts (and caught up by stored changes), so a post or an "also
 * in" copy can name a feed the list does not have: a feed just subscribed, not a feed gone.
 * Such feeds are read from the store; only a feed the store does not have either is gone.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { readFeedsById } from '../../lib/db/feeds';
import { openOrreryDb } from '../../lib/db/open-db';
import type { StoredFeed } from '../../lib/db/types';

/** A feed by id: the feed, null when the store has no such feed (gone), undefined while not known yet. */
export type FeedLookup = (id: string) => StoredFeed | null | undefined;

/** Looks up `ids` in `feeds`, reading the ones it lacks from the store (again whenever `feeds` changes); re-renders when they are read. */
export function useFeedLookup(feeds: ReadonlyMap<string, StoredFeed>, ids: readonly string[]): FeedLookup {
  const [, setTick] = useState(0);
  // What the store said, for this list of feeds: a newer list may have caught up, or a feed may have gone since.
  const read = useRef({ feeds, got: new Map<string, StoredFeed | null>() });
  if (read.current.feeds !== feeds) read.current = { feeds, got: new Map() };
  const cur = read.current;
  const missing = [...new Set(ids)].filter((id) => !feeds.has(id) && !cur.got.has(id));
  const wanted = missing.join('\u0000');
  useEffect(() => {
    if (missing.length === 0) return;
    let live = true;
    void openOrreryDb()
      .then((db) => readFeedsById(db, missing))
      .then((got) => {
        for (const [id, feed] of got) cur.got.set(id, feed ?? null);
        if (live && read.current === cur) setTick((t) => t + 1);
      })
      .catch(() => undefined); // names stay unknown (left out), not worth an error on screen
    return () => {
      live = false;
    };
  }, [wanted, cur]);
  return (id) => feeds.get(id) ?? cur.got.get(id);
}

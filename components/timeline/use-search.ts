/**
 * Search while typing: the in-memory index of every stored post is built the first time the
 * reader focuses the search box (or types), rebuilt in the background after stored changes,
 * and each keystroke is answered from it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { openOrreryDb } from '../../lib/db/open-db';
import { buildSearchIndex, type SearchIndex } from '../../lib/db/search-index';
import { onStoredChange } from '../../lib/messaging/changes';
import { postsChanged } from '../../lib/messaging/stored-change';

/** Results of the current query. */
export interface SearchState {
  /** Undefined when the query is empty. */
  keys: [string, string][] | undefined;
  /** Changes whenever results change (query or index). */
  version: number;
  /** The query `keys` answer. */
  answered: string;
  /** Posts indexed so far while the index is being built. */
  indexing: number | undefined;
  error: string | undefined;
}

const frame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Searches `query`; call `prepare` when the reader is about to search. */
export function useSearch(query: string): SearchState & { prepare: () => void } {
  const index = useRef<Promise<SearchIndex> | undefined>(undefined);
  const stale = useRef(false);
  const [built, setBuilt] = useState(0);
  const [state, setState] = useState<SearchState>({ keys: undefined, version: 0, answered: '', indexing: undefined, error: undefined });

  const build = () => {
    // The count shown while indexing changes a few times a second, not per batch: each change renders the page.
    let shownAt = 0;
    const onProgress = (n: number) => {
      const now = performance.now();
      if (now - shownAt < 250) return;
      shownAt = now;
      setState((s) => ({ ...s, indexing: n }));
    };
    const next = openOrreryDb().then((db) => buildSearchIndex(db, { pause: frame, onProgress }));
    next.then(
      () => {
        if (index.current !== next) index.current = next;
        setState((s) => ({ ...s, indexing: undefined }));
        setBuilt((b) => b + 1);
      },
      (err: unknown) => setState((s) => ({ ...s, indexing: undefined, error: err instanceof Error ? err.message : String(err) })),
    );
    return next;
  };
  const prepare = () => {
    index.current ??= build();
  };

  useEffect(
    () =>
      onStoredChange(
        (change) => {
          // Keep answering from the old index while a new one is built; only posts are indexed.
          if (index.current && !stale.current && postsChanged(change)) {
          stale.current = true;
            void build().finally(() => {
              stale.current = false;
            });
          }
        },
        { debounceMs: 1000, gapMs: 1000 },
      ),
    [],
  );

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setState((s) => ({ ...s, keys: undefined, answered: '', version: s.version + 1 }));
      return;
    }
    let live = true;
    prepare();
    void index.current?.then((idx) => {
      if (!live) return;
      const keys = idx.search(q);
      // The same results (an index rebuilt after a change elsewhere) must not reset the river.
      setState((s) => (s.keys && sameKeys(s.keys, keys) ? { ...s, answered: q } : { ...s, keys, answered: q, version: s.version + 1, error: undefined }));
    });
    return () => {
      live = false;
    };
  }, [query, built]);

  return { ...state, prepare };
}

function sameKeys(a: [string, string][], b: [string, string][]): boolean {
  return a.length === b.length && a.every((k, i) => k[0] === b[i]?.[0] && k[1] === b[i]?.[1]);
}

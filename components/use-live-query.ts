/** A hook that runs an IndexedDB query and runs it again whenever stored data it shows changes. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { openOrreryDb, type Db } from '../lib/db/open-db';
import { onStoredChange } from '../lib/messaging/changes';
import type { StoredChange } from '../lib/messaging/stored-change';

/** The query's latest value (undefined until the first answer) and its error, if any. */
export interface LiveQuery<T> {
  value: T | undefined;
  error: string | undefined;
  reload: () => void;
}

/**
 * Runs `query` now, when `deps` change, and after stored changes for which `relevant` says yes
 * (default: every change). Re-reads after changes come through the page's change gate (at most
 * about one a second during a refresh), and the next waits for this one to finish.
 */
export function useLiveQuery<T>(query: (db: Db) => Promise<T>, deps: unknown[], relevant?: (change: StoredChange) => boolean): LiveQuery<T> {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const latest = useRef({ query, relevant });
  latest.current = { query, relevant };
  const issued = useRef(0);
  const run = useRef(async () => {
    // A read started later wins over one that ends later (deps changed, or changes came quickly).
    const ticket = ++issued.current;
    try {
      const v = await latest.current.query(await openOrreryDb());
      if (ticket === issued.current) {
        setValue(() => v);
        setError(undefined);
      }
    } catch (err: unknown) {
      if (ticket === issued.current) setError(err instanceof Error ? err.message : String(err));
    }
  }).current;
  useEffect(() => void run(), deps);
  useEffect(() => onStoredChange((change) => ((latest.current.relevant?.(change) ?? true) ? run() : undefined)), []);
  return { value, error, reload: () => void run() };
}

/** A hook that runs an IndexedDB query and runs it again whenever stored data changes. */
import { useEffect, useState } from 'preact/hooks';
import { openOrreryDb, type Db } from '../lib/db/open-db';
import { onStoredChange } from '../lib/messaging/changes';

/** The query's latest value (undefined until the first answer) and its error, if any. */
export interface LiveQuery<T> {
  value: T | undefined;
  error: string | undefined;
  reload: () => void;
}

/** Runs `query` now, when `deps` change, and after every stored change. */
export function useLiveQuery<T>(query: (db: Db) => Promise<T>, deps: unknown[]): LiveQuery<T> {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [tick, setTick] = useState(0);
  useEffect(() => onStoredChange(() => setTick((t) => t + 1)), []);
  useEffect(() => {
    let live = true;
    openOrreryDb()
      .then(query)
      .then(
        (v) => {
          if (live) {
            setValue(v);
            setError(undefined);
          }
        },
        (err: unknown) => {
          if (live) setError(err instanceof Error ? err.message : String(err));
        },
      );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { value, error, reload: () => setTick((t) => t + 1) };
}

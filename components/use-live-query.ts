/** A hook that runs an IndexedDB query and runs it again whenever stored data it shows changes. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { openOrreryDb, type Db } from '../lib/db/open-db';
import { onStoredChange } from '../lib/messaging/changes';
import type { StoredChange } from '../lib/messaging/stored-change';
import { readErrorText } from '../lib/ui/read-error';

/** The query's latest value (undefined until the first answer) and its error, if any. */
export interface LiveQuery<T> {
  value: T | undefined;
  error: string | undefined;
  reload: () => void;
}

/** A change that names what polls wrote (not "everything"). */
export type PolledChange = Extract<StoredChange, { all: false }>;

/** Brings a value up to date after a polled change by reading only what the change names. */
export type Patch<T> = (db: Db, current: T, change: PolledChange) => Promise<T>;

/**
 * Runs `query` now, when `deps` change, and after stored changes for which `relevant` says yes
 * (default: every change). Re-reads after changes come through the page's change gate (at most
 * about one a second during a refresh), and the next waits for this one to finish. With
 * `patch`, a change that names the feeds polls wrote updates the value on screen instead of
 * reading everything again (a refresh of 545 feeds changes a few of them a second).
 */
export function useLiveQuery<T>(query: (db: Db) => Promise<T>, deps: unknown[], relevant?: (change: StoredChange) => boolean, patch?: Patch<T>): LiveQuery<T> {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const latest = useRef({ query, relevant, patch });
  latest.current = { query, relevant, patch };
  const issued = useRef(0);
  // The value on screen and the read that gave it: a patch applies only to the newest read's value.
  const shown = useRef<{ ticket: number; value: T } | undefined>(undefined);
  const run = useRef(async (change?: StoredChange) => {
    // A read started later wins over one that ends later (deps changed, or changes came quickly).
    const base = shown.current;
    const ticket = ++issued.current;
    try {
      const db = await openOrreryDb();
      const step = latest.current.patch;
      const v =
        step && change && !change.all && base && base.ticket === ticket - 1 ? await step(db, base.value, change) : await latest.current.query(db);
      if (ticket === issued.current) {
        shown.current = { ticket, value: v };
        setValue(() => v);
        setError(undefined);
      }
    } catch (err: unknown) {
      if (ticket === issued.current) setError(readErrorText(err));
    }
  }).current;
  useEffect(() => void run(), deps);
  useEffect(() => onStoredChange((change) => ((latest.current.relevant?.(change) ?? true) ? run(change) : undefined)), []);
  return { value, error, reload: () => void run() };
}

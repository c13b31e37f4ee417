/**
 * The overall unread ledger is the folders' ledgers together. Since v8 an unread post has two
 * ledger entries, its feed's (`unreadByFeed`) and its folder's (`unreadByFolder`:
 * [folder, sortKey, feedId, id], '' for no folder); the overall river reads each folder's range
 * of `unreadByFolder` (bounded reads in one transaction, issued as the folders are found) and
 * merges them. Before v8 every unread post in a folder had a third entry, in an `unread` store
 * ([sortKey, feedId, id]), a write per new post that the merge makes unnecessary; v8 deleted it.
 */
import type { IDBPObjectStore } from 'idb';
import { recordsNewestFirst } from './records';

/** A key of the overall ledger: [sortKey, feedId, id]. */
export type OverallKey = [number, string, string];

/** A key of `unreadByFolder`: [folder, sortKey, feedId, id]. */
type FolderKey = [string, number, string, string];

const MAX_STR = '\uffff';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyStore = IDBPObjectStore<any, any, any, any>;

/** Up to `count` keys of a ledger store's `range`, highest first (all of them without a count). */
export async function keysNewestFirst(store: AnyStore, range: IDBKeyRange, count: number | undefined): Promise<IDBValidKey[]> {
  if (count === undefined) return ((await store.getAllKeys(range)) as IDBValidKey[]).reverse();
  const fast = recordsNewestFirst(store, range, count);
  if (fast) return (await fast).map((r) => r.key);
  const keys: IDBValidKey[] = [];
  for (let c = await store.openKeyCursor(range, 'prev'); c && keys.length < count; c = await c.continue()) keys.push(c.key);
  return keys;
}

const toOverall = (k: FolderKey): OverallKey => [k[1], k[2], k[3]];

/** Newest first, in river order (ledger keys are unique). */
const newestFirst = (keys: OverallKey[]): OverallKey[] => keys.sort((a, b) => indexedDB.cmp(b, a));

/**
 * The overall ledger's keys, newest first: up to `count` (all without one) below `before`
 * (exclusive), from `byFolder` (the unreadByFolder store). With a count, the folders are found
 * by jumping a key cursor from one folder to the next, and each folder's newest `count` keys
 * below `before` are read as soon as it is found; without one, the store is read whole.
 */
export async function overallUnreadKeys(byFolder: AnyStore, count?: number, before?: OverallKey): Promise<OverallKey[]> {
  if (count === undefined) {
    const all = (await byFolder.getAllKeys()) as FolderKey[];
    const keys = newestFirst(all.map(toOverall));
    return before ? keys.filter((k) => indexedDB.cmp(k, before) < 0) : keys;
  }
  const reads: Promise<IDBValidKey[]>[] = [];
  for (let c = await byFolder.openKeyCursor(); c; ) {
    const folder = (c.key as FolderKey)[0];
    const range = before
      ? IDBKeyRange.bound([folder, -Infinity, '', ''], [folder, ...before], false, true)
      : IDBKeyRange.bound([folder, -Infinity, '', ''], [folder, Infinity, MAX_STR, MAX_STR]);
    reads.push(keysNewestFirst(byFolder, range, count));
    // An array sorts after every number: past the folder's last key.
    c = await c.continue([folder, []]);
  }
  const merged = newestFirst((await Promise.all(reads)).flatMap((keys) => (keys as FolderKey[]).map(toOverall)));
  return merged.slice(0, count);
}

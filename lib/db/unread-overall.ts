/**
 * The overall unread ledger, in two stores. A post in a folder has its overall entry in
 * `unread` ([sortKey, feedId, id]); a post with no folder has none there since v7: its entry
 * in the no-folder part of `unreadByFolder` (['', sortKey, feedId, id]) is in the same order
 * once the folder is dropped, so the overall river reads both ranges (two bounded reads in one
 * transaction, merged) and a new unread post with no folder costs one ledger write fewer.
 * Posts stored before v7 may have an entry in both: the merge keeps one.
 */
import type { IDBPObjectStore } from 'idb';
import { recordsNewestFirst } from './records';

/** A key of the overall ledger: [sortKey, feedId, id]. */
export type OverallKey = [number, string, string];

/** The folder of posts in no folder. */
const NO_FOLDER = '';
const MAX_STR = '\uffff';

/** Whether an unread post has an entry in the `unread` store (posts with no folder are found overall through the no-folder ledger). */
export function inOverallStore(p: { folder: string }): boolean {
  return p.folder !== NO_FOLDER;
}

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

/**
 * The overall ledger's keys, newest first: up to `count` (all without one) below `before`
 * (exclusive; ledger keys are unique), from `unread` and `noFolder` (the unreadByFolder store) together.
 */
export async function overallUnreadKeys(unread: AnyStore, noFolder: AnyStore, count?: number, before?: OverallKey): Promise<OverallKey[]> {
  const low: OverallKey = [-Infinity, '', ''];
  const [inFolders, folderless] = await Promise.all([
    keysNewestFirst(unread, before ? IDBKeyRange.bound(low, before, false, true) : IDBKeyRange.bound(low, [Infinity, MAX_STR, MAX_STR]), count),
    keysNewestFirst(
      noFolder,
      IDBKeyRange.bound([NO_FOLDER, ...low], before ? [NO_FOLDER, ...before] : [NO_FOLDER, Infinity, MAX_STR, MAX_STR], false, before !== undefined),
      count,
    ),
  ]);
  const merged = [...(inFolders as OverallKey[]), ...(folderless as [string, number, string, string][]).map((k): OverallKey => [k[1], k[2], k[3]])];
  merged.sort((a, b) => indexedDB.cmp(b, a));
  const keys = merged.filter((k, i) => i === 0 || indexedDB.cmp(k, merged[i - 1]!) !== 0);
  return count === undefined ? keys : keys.slice(0, count);
}

/**
 * The overall unread ledger is the folders' ledgers together. Since v8 an unread post has two
 * ledger entries, its feed's (`unreadByFeed`) and its folder's (`unreadByFolder`:
 * [folder, sortKey, feedId, id], '' for no folder); the overall river reads each folder's range
 * of `unreadByFolder` (bounded reads in one transaction, all issued at once: the folders are
 * the ones the counts record names, the rest of the ledger checked empty) and merges them. Before v8 every unread post in a folder had a third entry, in an `unread` store
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

/** A folder's range of `unreadByFolder`, below `before` (exclusive) when given. */
const folderRange = (folder: string, before: OverallKey | undefined): IDBKeyRange =>
  before
    ? IDBKeyRange.bound([folder, -Infinity, '', ''], [folder, ...before], false, true)
    : IDBKeyRange.bound([folder, -Infinity, '', ''], [folder, Infinity, MAX_STR, MAX_STR]);

/**
 * The parts of `unreadByFolder` outside the folders named (sorted): before the first, between
 * two, after the last (the whole store when none is named). A folder's keys start after
 * [folder] (a shorter array sorts first) and end before [folder, []] (an array sorts after
 * every number).
 */
function gapsAround(folders: readonly string[]): IDBKeyRange[] {
  const first = folders[0];
  const last = folders[folders.length - 1];
  if (first === undefined || last === undefined) return [IDBKeyRange.lowerBound([])];
  const gaps = [IDBKeyRange.upperBound([first], true)];
  for (let i = 1; i < folders.length; i++) gaps.push(IDBKeyRange.bound([folders[i - 1], []], [folders[i]], true, true));
  gaps.push(IDBKeyRange.lowerBound([last, []], true));
  return gaps;
}

/** The folders the counts record says have unread posts, in key order. */
function countedFolders(counts: unknown): string[] {
  const folders = (counts as { folders?: unknown } | undefined)?.folders;
  if (typeof folders !== 'object' || folders === null) return [];
  const named = Object.entries(folders as Record<string, unknown>).filter(([, n]) => typeof n === 'number' && n > 0).map(([f]) => f);
  return named.sort((a, b) => indexedDB.cmp(a, b));
}

/**
 * Finds the folders in `range` by jumping a key cursor from one folder to the next (a request
 * per folder, one after another), reading each folder's keys as soon as it is found.
 */
async function walkFolders(byFolder: AnyStore, range: IDBKeyRange, read: (folder: string) => void): Promise<void> {
  for (let c = await byFolder.openKeyCursor(range); c; ) {
    const folder = (c.key as FolderKey)[0];
    read(folder);
    // An array sorts after every number: past the folder's last key.
    c = await c.continue([folder, []]);
  }
}

/**
 * The overall ledger's keys, newest first: up to `count` (all without one) below `before`
 * (exclusive), from `byFolder` (the unreadByFolder store). With a count, each folder's newest
 * `count` keys below `before` are read and merged. The folders are the ones the counts record
 * (`meta`'s 'counts') names: one request, then every folder's range asked for at once. Counts
 * and ledger are written together, but counts clamp at zero and an older version or a rebuild
 * may have left them short: the ledger outside the named folders is checked in the same go
 * (one bounded key read per gap), and a gap that holds keys is walked for its folders, as the
 * river did for all of them before (a request per folder, in turn).
 */
export async function overallUnreadKeys(byFolder: AnyStore, count?: number, before?: OverallKey, meta?: AnyStore): Promise<OverallKey[]> {
  if (count === undefined) {
    const all = (await byFolder.getAllKeys()) as FolderKey[];
    const keys = newestFirst(all.map(toOverall));
    return before ? keys.filter((k) => indexedDB.cmp(k, before) < 0) : keys;
  }
  const reads: Promise<IDBValidKey[]>[] = [];
  const read = (folder: string) => void reads.push(keysNewestFirst(byFolder, folderRange(folder, before), count));
  const named = meta ? countedFolders(await meta.get('counts')) : [];
  named.forEach(read);
  const gaps = gapsAround(named);
  const strays = await Promise.all(gaps.map((gap) => byFolder.getKey(gap) as Promise<IDBValidKey | undefined>));
  await Promise.all(gaps.map((gap, i) => (strays[i] === undefined ? undefined : walkFolders(byFolder, gap, read))));
  const merged = newestFirst((await Promise.all(reads)).flatMap((keys) => (keys as FolderKey[]).map(toOverall)));
  return merged.slice(0, count);
}

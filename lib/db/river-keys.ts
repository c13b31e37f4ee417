/**
 * The river's keys of a post. One sparse multiEntry index (byRiver) holds every river but a
 * feed's own: a post the river shows is in it once per river it is in, under that river's
 * scope and its sort key; a post a rule hid or a folded copy is not in it at all. One index
 * and not one per river because adding an index to a store makes IndexedDB read every
 * stored post: the v6 migration at 100,000 posts pays that once, not three times.
 */
import type { StoredPost } from './types';

/**
 * The meta record of the v6 backfill (lib/db/river-backfill.ts): until `done`, posts stored
 * before v6 may lack their riverKeys and the rivers read the v5 indexes instead.
 */
export const RIVER_FILL_KEY = 'riverFill';

/** Where the backfill of riverKeys stands: the primary key of the last post it passed. */
export type RiverFill = {
  done: boolean;
  after?: [string, string];
};

/** Scope of everything. */
export const RIVER_ALL = '';
/** Scope of the starred posts. */
export const RIVER_STARRED = 's';
/** Scope of one folder: this prefix and the folder's name. */
export const RIVER_FOLDER = 'f:';

/** Whether the river shows a post outside its feed's own river: no rule hid it and it is not a folded copy. */
export function inRiver(p: StoredPost): boolean {
  return p.hiddenBy === undefined && p.dupOf === undefined;
}

/** The byRiver keys `p` should have now (undefined: the river leaves it out). */
export function riverKeysOf(p: StoredPost): [string, number][] | undefined {
  if (!inRiver(p)) return undefined;
  const keys: [string, number][] = [
    [RIVER_ALL, p.sortKey],
    [RIVER_FOLDER + p.folder, p.sortKey],
  ];
  if (p.starred === 1) keys.push([RIVER_STARRED, p.sortKey]);
  return keys;
}

/** Sets or clears `p.riverKeys` for what the post is now; returns whether they changed. */
export function markRiver(p: StoredPost): boolean {
  const want = riverKeysOf(p);
  const had = p.riverKeys;
  if (want === undefined ? had === undefined : had !== undefined && had.length === want.length && want.every((k, i) => had[i]![0] === k[0] && had[i]![1] === k[1])) return false;
  if (want === undefined) delete p.riverKeys;
  else p.riverKeys = want;
  return true;
}

/** The byRiver key range of one river, newest last. */
export function riverRange(scope: string): IDBKeyRange {
  return IDBKeyRange.bound([scope, -Infinity], [scope, Infinity]);
}

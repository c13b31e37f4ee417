/** Google Reader item ids and stream ids: the spellings services use, read into one form. */

const LONG_PREFIX = 'tag:google.com,2005:reader/item/';

/**
 * An item id in decimal, the form `stream/items/ids` returns and Orrery stores. Contents return
 * the long form (16 hex digits after a tag: prefix); some services give a bare hex or decimal.
 * Kept as strings: the ids exceed 2^53.
 */
export function decimalItemId(id: string): string {
  if (id.startsWith(LONG_PREFIX)) return BigInt(`0x${id.slice(LONG_PREFIX.length)}`).toString();
  if (/^-?\d+$/.test(id)) return BigInt(id).toString();
  if (/^[0-9a-f]{16}$/i.test(id)) return BigInt(`0x${id}`).toString();
  return id;
}

/** The long form of a decimal item id (both forms are accepted as input by the services). */
export function longItemId(decimal: string): string {
  const n = BigInt(decimal);
  // Negative ids (Inoreader's are signed 64-bit) are written as their two's complement.
  const u = n < 0n ? n + (1n << 64n) : n;
  return LONG_PREFIX + u.toString(16).padStart(16, '0');
}

/** Streams and tags. `user/-/` is "the current user"; Miniflux spells it with the user's number. */
export const READING_LIST = 'user/-/state/com.google/reading-list';
/** The read state tag. */
export const READ = 'user/-/state/com.google/read';
/** The starred state tag. */
export const STARRED = 'user/-/state/com.google/starred';

/** Whether a category or tag id is the given state, for any user spelling (`user/-/`, `user/1/`). */
export function isState(tag: string, state: 'read' | 'starred' | 'reading-list'): boolean {
  return new RegExp(`^user/[^/]*/state/com\\.google/${state}$`).test(tag);
}

/** The folder name of a label id (`user/-/label/Tech`, `user/1/label/Tech`), else undefined. */
export function labelName(tag: string): string | undefined {
  const m = /^user\/[^/]*\/label\/(.+)$/.exec(tag);
  return m ? m[1] : undefined;
}

/** The label id Orrery sends for a folder name. */
export function labelId(folder: string): string {
  return `user/-/label/${folder}`;
}

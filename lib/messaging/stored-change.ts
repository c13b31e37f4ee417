/**
 * What a "changed" broadcast says changed: anything (a reader's action, a subscription, the
 * settings), or only what some polls wrote. A poll always rewrites its feed's record (status,
 * schedule, validators) and changes posts only when the feed had new, edited or expired ones,
 * so during a refresh of 304s no page has posts to re-read.
 */
export type StoredChange = { all: true } | { all: false; feeds: string[]; posts: string[] };

/** Anything may have changed: pages re-read everything. */
export const ALL_CHANGED: StoredChange = { all: true };

/** The change of one poll: its feed's record, and its posts when `postsChanged`. */
export function polledChange(feedId: string, postsChanged: boolean): StoredChange {
  return { all: false, feeds: [feedId], posts: postsChanged ? [feedId] : [] };
}

/** Both changes as one (what a page must re-read after seeing both). */
export function mergeChanges(a: StoredChange | undefined, b: StoredChange): StoredChange {
  if (!a) return b;
  if (a.all || b.all) return ALL_CHANGED;
  return { all: false, feeds: union(a.feeds, b.feeds), posts: union(a.posts, b.posts) };
}

/** True when posts (and so unread counts) may have changed. */
export function postsChanged(c: StoredChange): boolean {
  return c.all || c.posts.length > 0;
}

/** A change as received from the channel; anything unexpected counts as "everything changed". */
export function readChange(data: unknown): StoredChange {
  const c = (data as { change?: unknown } | null)?.change as { all?: unknown; feeds?: unknown; posts?: unknown } | undefined;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (c && c.all === false && strings(c.feeds) && strings(c.posts)) return { all: false, feeds: c.feeds, posts: c.posts };
  return ALL_CHANGED;
}

function union(a: string[], b: string[]): string[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...new Set([...a, ...b])];
}

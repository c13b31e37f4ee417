/**
 * Duplicate keys that cannot find a copy, proven with a range read instead of a lookup per key.
 *
 * A new post's keys were each looked up in the byDupKey index (1-3 `getAllKeys` per new post:
 * ~40% of the requests a refresh of new posts made). Most posts have no copy in another feed,
 * and one feed's keys mostly share a site ("l:blog.example/…", "t:blog.example|…"), so the keys
 * of one feed and one site are read as one range: when every post the range holds belongs to
 * that feed (its own older posts), no key in the range has a candidate from another feed, and
 * the per-key lookup would have found none. Otherwise (another feed's post in the range, or more
 * posts than the read's limit) the keys are looked up one by one as before, so what is folded
 * does not change.
 */
import { postKeyId } from '../db/post-key-id';

/** Index entries read per key of a range, beyond which the range proves nothing (a busy site). */
const PER_KEY_IN_RANGE = 8;
const RANGE_SLACK = 64;

type PostKey = [string, string];

/** The part of a key that keys of one site share: "l:site", "t:site", "i:scheme…". */
function scopeOf(key: string): string {
  const end = key.slice(2).search(/[/|]/);
  return end < 0 ? key : key.slice(0, end + 2);
}

/**
 * The keys (as postKeyId(feedId, key)) of `posts` that no post of another feed holds in
 * `index` (byDupKey), found by one `getAllKeys` per feed and site holding two keys or more.
 */
export async function clearKeys(index: IDBIndex, posts: readonly { feedId: string }[], keysOf: readonly string[][]): Promise<Set<string>> {
  const groups = new Map<string, { feedId: string; keys: Set<string> }>();
  posts.forEach((p, i) => {
    for (const key of keysOf[i] ?? []) {
      const g = postKeyId(p.feedId, scopeOf(key));
      let group = groups.get(g);
      if (!group) groups.set(g, (group = { feedId: p.feedId, keys: new Set() }));
      group.keys.add(key);
    }
  });
  const clear = new Set<string>();
  await Promise.all(
    [...groups.values()]
      .filter((g) => g.keys.size > 1)
      .map(async ({ feedId, keys }) => {
        let lo: string | undefined;
        let hi: string | undefined;
        // IndexedDB orders strings by UTF-16 code units, as `<` does.
        for (const k of keys) {
          if (lo === undefined || k < lo) lo = k;
          if (hi === undefined || k > hi) hi = k;
        }
        const limit = keys.size * PER_KEY_IN_RANGE + RANGE_SLACK;
        const held = await new Promise<PostKey[]>((resolve, reject) => {
          const req = index.getAllKeys(IDBKeyRange.bound(lo, hi), limit);
          req.onsuccess = () => resolve(req.result as PostKey[]);
          req.onerror = () => reject(req.error ?? new Error('getAllKeys failed'));
        });
        if (held.length < limit && held.every((k) => k[0] === feedId)) for (const k of keys) clear.add(postKeyId(feedId, k));
      }),
  );
  return clear;
}

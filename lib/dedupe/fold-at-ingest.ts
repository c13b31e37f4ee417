/** The ingest hook of duplicates: a new post that another feed already brought is folded under that post. */
import type { PostTx, PostWriter } from '../db/post-writes';
import type { StoredPost } from '../db/types';
import { dupKeys, TITLE_WINDOW_MS } from './dup-keys';

/** Copies looked at per key (a key shared by more posts is a site's repeated title, not a copy). */
const PER_KEY = 8;

/** The post `p` is a copy of, among candidates found by one of its keys (links and ids first, then titles). */
function primaryFor(p: StoredPost, keys: string[], found: StoredPost[][]): StoredPost | undefined {
  for (let k = 0; k < keys.length; k++) {
    const byTitle = keys[k]!.startsWith('t:');
    const hit = found[k]!.find(
      (c) => c.feedId !== p.feedId && c.dupOf === undefined && (!byTitle || Math.abs(c.sortKey - p.sortKey) <= TITLE_WINDOW_MS),
    );
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Gives each new post its duplicate keys and folds the copies: a post already stored from
 * another feed (same canonical link or id first, same title on the same site within days second)
 * stays the one shown; the new copy records it in dupOf, arrives read (the shown post carries
 * the unread state, so the copy is never counted twice) with the shown post's star, and the
 * shown post lists the copy in alsoIn. Mutates `fresh`; writes the shown posts it changes.
 */
export async function foldAtIngest(tx: PostTx, writer: PostWriter, fresh: StoredPost[]): Promise<void> {
  const index = tx.objectStore('posts').index('byDupKey');
  const keysOf = fresh.map((p) => dupKeys(p));
  const found = await Promise.all(keysOf.map((keys) => Promise.all(keys.map((k) => index.getAll(k, PER_KEY)))));
  const changed = new Map<string, { old: StoredPost; next: StoredPost }>();
  fresh.forEach((p, i) => {
    const keys = keysOf[i]!;
    if (keys.length > 0) p.dupKeys = keys;
    const hit = primaryFor(p, keys, found[i]!);
    if (!hit) return;
    const id = `${hit.feedId}\u0000${hit.id}`;
    const entry = changed.get(id) ?? { old: hit, next: { ...hit, alsoIn: [...(hit.alsoIn ?? [])] } };
    changed.set(id, entry);
    entry.next.alsoIn!.push([p.feedId, p.id]);
    p.dupOf = [hit.feedId, hit.id];
    p.read = 1;
    p.starred = hit.starred;
  });
  await Promise.all([...changed.values()].map(({ old, next }) => writer.put(old, next)));
}

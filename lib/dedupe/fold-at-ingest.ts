/** The ingest hook of duplicates: a new post that another feed already brought is folded under that post. */
import { unwrap } from 'idb';
import type { PostTx, PostWriter } from '../db/post-writes';
import type { StoredPost } from '../db/types';
import { postKeyId } from '../db/post-key-id';
import { clearKeys } from './clear-keys';
import { dupKeys, TITLE_WINDOW_MS } from './dup-keys';

/** Copies looked at per key (a key shared by more posts is a site's repeated title, not a copy). */
const PER_KEY = 8;

type PostKey = [string, string];

const keyOf = (k: PostKey) => postKeyId(k[0], k[1]);

/**
 * Gives each new post its duplicate keys and folds the copies: a post already stored from
 * another feed (same canonical link or id first, same title on the same site within days second)
 * stays the one shown; the new copy records it in dupOf, arrives read (the shown post carries
 * the unread state, so the copy is never counted twice) with the shown post's star, and a
 * shown post without copies yet lists it in alsoIn (one that has some is not written again:
 * ./also-in.ts). Mutates `fresh`; writes the shown posts it changes.
 *
 * Most new posts have no copy, so a key is first looked up as primary keys only (reading
 * the records a key matched cost a refresh of 545 feeds 29 s when every post had copies);
 * keys are tried in order, and a record is read only for a candidate from another feed. Keys of
 * one feed and site that a range read proves no other feed holds are not looked up at all
 * (./clear-keys.ts: a feed of 100 new posts, 2 range reads instead of 200 lookups).
 * Only shown posts carry their keys into the index: a copy is never a candidate.
 */
export async function foldAtIngest(tx: PostTx, writer: PostWriter, fresh: StoredPost[]): Promise<void> {
  const store = tx.objectStore('posts');
  // Raw requests with one handler each: a new post looks up one to three keys, and idb's
  // promise per request (two listeners added and removed, a proxy) costs more than the lookup's own script.
  const index = unwrap(store.index('byDupKey')) as unknown as IDBIndex;
  const candidatesOf = (key: string) =>
    new Promise<PostKey[]>((resolve, reject) => {
      const req = index.getAllKeys(key, PER_KEY);
      req.onsuccess = () => resolve(req.result as PostKey[]);
      req.onerror = () => reject(req.error ?? new Error('getAllKeys failed'));
    });
  const reads = new Map<string, Promise<StoredPost | undefined>>();
  const read = (k: PostKey) => {
    const id = keyOf(k);
    let r = reads.get(id);
    if (!r) reads.set(id, (r = store.get(k)));
    return r;
  };
  const keysOf = fresh.map((p) => dupKeys(p));
  const clear = await clearKeys(index, fresh, keysOf);
  /** The shown post `p` is a copy of, if any. */
  const primaryFor = async (p: StoredPost, keys: string[]): Promise<StoredPost | undefined> => {
    for (const key of keys) {
      if (clear.has(postKeyId(p.feedId, key))) continue;
      const byTitle = key.startsWith('t:');
      for (const candidate of await candidatesOf(key)) {
        if (candidate[0] === p.feedId) continue;
        let hit = await read(candidate);
        // Copies stored before this rule carried keys too: their shown post is the candidate.
        if (hit?.dupOf) hit = await read(hit.dupOf);
        if (!hit || hit.dupOf !== undefined || hit.feedId === p.feedId) continue;
        if (byTitle && Math.abs(hit.sortKey - p.sortKey) > TITLE_WINDOW_MS) continue;
        return hit;
      }
    }
    return undefined;
  };
  const hits = await Promise.all(fresh.map((p, i) => (keysOf[i]!.length > 0 ? primaryFor(p, keysOf[i]!) : undefined)));
  const changed = new Map<string, { old: StoredPost; next: StoredPost }>();
  // New posts of a batch shown so far, by key: a copy arriving in the same batch from another feed folds under them.
  const shownNew = new Map<string, StoredPost>();
  fresh.forEach((p, i) => {
    const keys = keysOf[i]!;
    const stored = hits[i];
    const earlier = stored ? undefined : shownEarlier(p, keys, shownNew);
    if (stored) {
      const id = keyOf([stored.feedId, stored.id]);
      const entry = changed.get(id);
      // A shown post that lists copies already is not written again: the copy's dupOf (in
      // byFolded) adds it to the list readers complete (./also-in.ts).
      if (!entry && stored.alsoIn?.length) markCopy(p, stored);
      else {
        const next = entry ?? { old: stored, next: { ...stored, alsoIn: [...(stored.alsoIn ?? [])] } };
        changed.set(id, next);
        foldUnder(p, next.next);
      }
    } else if (earlier) {
      foldUnder(p, earlier);
    } else if (keys.length > 0) {
      p.dupKeys = keys;
      for (const k of keys) if (!shownNew.has(k)) shownNew.set(k, p);
    }
  });
  await Promise.all([...changed.values()].map(({ old, next }) => writer.put(old, next)));
}

/** A new post of the batch, from another feed, that `p` is a copy of (keys in order, titles within days). */
function shownEarlier(p: StoredPost, keys: string[], shownNew: Map<string, StoredPost>): StoredPost | undefined {
  for (const key of keys) {
    const c = shownNew.get(key);
    if (!c || c.feedId === p.feedId) continue;
    if (key.startsWith('t:') && Math.abs(c.sortKey - p.sortKey) > TITLE_WINDOW_MS) continue;
    return c;
  }
  return undefined;
}

/** Folds the new post `p` under `shown` (a post being written: its alsoIn grows in place). */
function foldUnder(p: StoredPost, shown: StoredPost): void {
  shown.alsoIn = [...(shown.alsoIn ?? []), [p.feedId, p.id]];
  markCopy(p, shown);
}

/** Makes the new post `p` a copy of `shown`: it arrives read (the shown post carries the unread state) with its star. */
function markCopy(p: StoredPost, shown: StoredPost): void {
  p.dupOf = [shown.feedId, shown.id];
  p.read = 1;
  p.starred = shown.starred;
}

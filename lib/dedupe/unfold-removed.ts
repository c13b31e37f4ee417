/**
 * Removing folded posts (an unsubscribe, retention): a shown post whose copies other feeds
 * carry (alsoIn) must not take them along. Left folded under a post that no longer exists,
 * they would be hidden from every river but their own feed's, for good. The first remaining
 * copy is shown in its place (with the shown post's read state and star, and keys that let
 * later copies find it) and the others fold under it. A removed copy leaves its shown
 * post's "also in".
 */
import type { PostTx, PostWriter } from '../db/post-writes';
import { postKeyId } from '../db/post-key-id';
import type { StoredPost } from '../db/types';
import { alsoInOf } from './also-in';
import { dupKeys } from './dup-keys';

type PostKey = [string, string];

/** Rewrites, in `tx`, the posts that the removal of `removed` (all in this transaction) leaves folded under nothing or listing a copy that is gone. */
export async function unfoldRemoved(tx: PostTx, writer: PostWriter, removed: readonly StoredPost[]): Promise<void> {
  const gone = new Set(removed.map((p) => postKeyId(p.feedId, p.id)));
  const isGone = (k: PostKey) => gone.has(postKeyId(k[0], k[1]));
  const store = tx.objectStore('posts');
  // The stored alsoIn may not list every copy (./also-in.ts): the byFolded index does. The
  // removals are queued before these reads, so the index no longer holds the removed copies.
  const byFolded = store.index('byFolded');
  const writes: Promise<void>[] = [];

  // Shown posts removed with copies left: the first copy left takes their place.
  for (const shown of removed) {
    if (!shown.alsoIn) continue;
    const left = (await alsoInOf(byFolded, shown)).filter((k) => !isGone(k));
    if (left.length === 0) continue;
    const copies = (await Promise.all(left.map((k) => store.get(k)))).filter(
      (c): c is StoredPost => c !== undefined && c.dupOf?.[0] === shown.feedId && c.dupOf[1] === shown.id,
    );
    const [heir, ...rest] = copies;
    if (!heir) continue;
    const { dupOf: _dupOf, alsoIn: _alsoIn, ...plain } = heir;
    const keys = dupKeys(heir);
    const next: StoredPost = {
      ...plain,
      read: shown.read,
      starred: shown.starred,
      ...(rest.length ? { alsoIn: rest.map((c): PostKey => [c.feedId, c.id]) } : {}),
      ...(keys.length ? { dupKeys: keys } : {}),
    };
    writes.push(writer.put(heir, next));
    for (const c of rest) writes.push(writer.put(c, { ...c, dupOf: [heir.feedId, heir.id] }));
  }

  // Copies removed while the post they fold under stays: it no longer lists them.
  const byShown = new Map<string, PostKey>();
  for (const copy of removed) if (copy.dupOf && !isGone(copy.dupOf)) byShown.set(postKeyId(copy.dupOf[0], copy.dupOf[1]), copy.dupOf);
  for (const k of byShown.values()) {
    const shown = await store.get(k);
    if (!shown?.alsoIn) continue;
    const alsoIn = (await alsoInOf(byFolded, shown)).filter((c) => !isGone(c));
    if (alsoIn.length > 0 && shown.alsoIn.every((c) => !isGone(c))) continue;
    const { alsoIn: _old, ...rest } = shown;
    writes.push(writer.put(shown, alsoIn.length ? { ...rest, alsoIn } : rest));
  }
  await Promise.all(writes);
}

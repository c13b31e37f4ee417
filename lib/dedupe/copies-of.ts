/** A post's folded copies, for marking them all: reading or starring a post marks every copy. */
import type { PostTx } from '../db/post-writes';
import { postKeyId } from '../db/post-key-id';
import type { StoredPost } from '../db/types';
import { alsoInOf } from './also-in';

const keyOf = postKeyId;

/**
 * `posts` and every post of their groups (the shown post and its folded copies), each once,
 * read in `tx`. Posts that are in no group cost nothing.
 */
export async function withCopies(tx: Pick<PostTx, 'objectStore'>, posts: StoredPost[]): Promise<StoredPost[]> {
  const have = new Map(posts.map((p) => [keyOf(p.feedId, p.id), p]));
  const store = tx.objectStore('posts');
  const shown = await Promise.all(posts.map((p) => (p.dupOf ? store.get(p.dupOf) : p.alsoIn ? p : undefined)));
  for (const s of shown) if (s && !have.has(keyOf(s.feedId, s.id))) have.set(keyOf(s.feedId, s.id), s);
  const missing = new Set<string>();
  const wanted: [string, string][] = [];
  // The stored alsoIn may not list the copies of later batches: the byFolded index has them all.
  const byFolded = store.index('byFolded');
  const lists = await Promise.all(shown.map((s) => (s?.alsoIn ? alsoInOf(byFolded, s) : [])));
  for (const list of lists) {
    for (const k of list) {
      const id = keyOf(k[0], k[1]);
      if (!have.has(id) && !missing.has(id)) {
        missing.add(id);
        wanted.push(k);
      }
    }
  }
  for (const p of await Promise.all(wanted.map((k) => store.get(k)))) if (p) have.set(keyOf(p.feedId, p.id), p);
  return [...have.values()];
}

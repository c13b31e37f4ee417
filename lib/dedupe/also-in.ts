/**
 * A shown post's folded copies ("also in"). The copies' own dupOf, in the byFolded index, is
 * the complete list. The shown post's stored alsoIn is written when it gets its first copies
 * and not again for each later batch that brings one: during a first refresh of feeds that
 * share posts (a Planet and its authors) a shown post's copies arrive in many batches, and
 * rewriting the whole post (its body, its ~10 index entries) for each was as many posts
 * written again as copies stored. So the stored list marks a post that has copies and keeps
 * their order of arrival; readers complete it from the index (the timeline after painting:
 * components/timeline/use-also-in.ts).
 */
import { postKeyId } from '../db/post-key-id';
import type { StoredPost } from '../db/types';

type PostKey = [string, string];

/** The byFolded index of the posts store, as any transaction (typed or raw) reads it. */
export interface FoldedIndex {
  getAllKeys(query: IDBKeyRange): Promise<unknown[]>;
}

/** The keys of every copy folded under `shown` (the stored alsoIn's order first, then the others). */
export async function alsoInOf(byFolded: FoldedIndex, shown: Pick<StoredPost, 'feedId' | 'id' | 'alsoIn'>): Promise<PostKey[]> {
  const indexed = (await byFolded.getAllKeys(IDBKeyRange.only([shown.feedId, shown.id]))) as PostKey[];
  const present = new Set(indexed.map((k) => postKeyId(k[0], k[1])));
  const out = (shown.alsoIn ?? []).filter((k) => present.has(postKeyId(k[0], k[1])));
  const listed = new Set(out.map((k) => postKeyId(k[0], k[1])));
  for (const k of indexed) if (!listed.has(postKeyId(k[0], k[1]))) out.push(k);
  return out;
}

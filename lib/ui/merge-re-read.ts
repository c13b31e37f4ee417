/** Applying a re-read of some feeds' posts to a page of the river. */
import { postKeyId } from '../db/post-key-id';
import type { StoredPost } from '../db/types';

const keyOf = (p: StoredPost) => postKeyId(p.feedId, p.id);

/**
 * The posts of a page after re-reading those of the `changed` feeds: a re-read post replaces
 * its old copy (kept when nothing it shows changed, so it does not render again), one that
 * was not found is gone (retention), the posts of other feeds stay as they were.
 */
export function mergeReRead(posts: StoredPost[], reRead: StoredPost[], changed: ReadonlySet<string>): StoredPost[] {
  const byKey = new Map(reRead.map((p) => [keyOf(p), p]));
  const out: StoredPost[] = [];
  for (const old of posts) {
    if (!changed.has(old.feedId)) {
      out.push(old);
      continue;
    }
    const next = byKey.get(keyOf(old));
    if (!next) continue;
    out.push(sameShown(old, next) ? old : next);
  }
  return out;
}

/**
 * Whether a re-read copy shows nothing new. Some writes change a post without touching
 * updatedAt (a full article stored, a rule applied, a copy folded in): those marks count too.
 */
function sameShown(old: StoredPost, next: StoredPost): boolean {
  return (
    next.updatedAt === old.updatedAt &&
    next.read === old.read &&
    next.starred === old.starred &&
    next.article?.state === old.article?.state &&
    next.article?.at === old.article?.at &&
    next.highlightBy === old.highlightBy &&
    next.hiddenBy === old.hiddenBy &&
    next.dupOf?.join('\u0000') === old.dupOf?.join('\u0000') &&
    (next.alsoIn?.length ?? 0) === (old.alsoIn?.length ?? 0)
  );
}

/**
 * The complete "also in" of the posts on screen, read after they are painted. A shown post
 * stores the copies it had when it got its first ones (lib/dedupe/also-in.ts); later copies
 * are found through their dupOf in the byFolded index. Completing a river page while reading
 * it cost a request per post with copies before the first screen (measured: the timeline's
 * first page read 200-250 ms later on Planet Python, where every shown post has ~13 copies),
 * so the page shows the stored list at once and this completes it in one transaction after.
 */
import { useEffect, useState } from 'preact/hooks';
import { openOrreryDb } from '../../lib/db/open-db';
import type { StoredPost } from '../../lib/db/types';
import { alsoInOf } from '../../lib/dedupe/also-in';

type PostKey = [string, string];

/** Complete lists by post object: a post read again is a new object, completed again. */
const complete = new WeakMap<StoredPost, PostKey[]>();

/** The complete alsoIn of `post`, once read (else its stored list). */
export function alsoInShown(post: StoredPost): PostKey[] | undefined {
  return complete.get(post) ?? post.alsoIn;
}

/** Reads the complete lists of `posts` that have copies and are not completed yet; re-renders when some changed. */
export function useAlsoIn(posts: StoredPost[]): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const todo = posts.filter((p) => p.alsoIn && !complete.has(p));
    if (todo.length === 0) return;
    let live = true;
    void openOrreryDb()
      .then(async (db) => {
        const tx = db.transaction('posts');
        const index = tx.store.index('byFolded');
        const lists = await Promise.all(todo.map((p) => alsoInOf(index, p)));
        await tx.done;
        let changed = false;
        todo.forEach((p, i) => {
          const list = lists[i] ?? [];
          if (list.length !== (p.alsoIn?.length ?? 0)) changed = true;
          complete.set(p, list);
        });
        if (changed && live) setTick((t) => t + 1);
      })
      .catch(() => undefined); // the stored list stays: a detail, not worth an error on screen
    return () => {
      live = false;
    };
  });
}

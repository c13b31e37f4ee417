/** Ids of exported posts: the post's own when it is an absolute IRI and unique in the export, else a stable URN. */
import type { StoredFeed, StoredPost } from '../db/types';

const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/**
 * Makes the id function of one export. Two feeds can carry the same id (a cross-post), and an
 * RSS guid like "1234" is not the IRI Atom requires: those get `urn:orrery:<feed url>:<id>`,
 * which stays the same from one export to the next.
 */
export function exportIds(posts: StoredPost[], feeds: Map<string, StoredFeed>): (post: StoredPost) => string {
  const count = new Map<string, number>();
  for (const p of posts) count.set(p.id, (count.get(p.id) ?? 0) + 1);
  return (post) => {
    if (ABSOLUTE_IRI.test(post.id) && count.get(post.id) === 1) return post.id;
    const feedUrl = feeds.get(post.feedId)?.url ?? post.feedId;
    return `urn:orrery:${encodeURIComponent(feedUrl)}:${encodeURIComponent(post.id)}`;
  };
}

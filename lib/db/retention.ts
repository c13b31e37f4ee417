/** Retention: which stored posts of a feed may go, so the database stays bounded. */
import type { StoredPost } from './types';

/** The user's retention rule for each feed. */
export interface Retention {
  /** Keep at most this many newest posts. */
  keepPosts: number;
  /** Keep posts younger than this many days (0: no age limit). */
  keepDays: number;
}

/**
 * Whether a post (the `rank`-th newest of its feed, 0-based) is removed. Starred posts are
 * never removed, nor posts the feed still carries: removing those would bring them back
 * as new and unread on the next fetch.
 */
export function isExpired(post: StoredPost, rank: number, inFeed: boolean, rule: Retention, now: number): boolean {
  if (post.starred === 1 || inFeed) return false;
  if (rank >= rule.keepPosts) return true;
  return rule.keepDays > 0 && post.sortKey < now - rule.keepDays * 86_400_000;
}

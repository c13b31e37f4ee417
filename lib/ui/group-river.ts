/** Grouping the river as Planet does: day headings, then runs of consecutive posts of one feed. */
import type { StoredPost } from '../db/types';
import { dayKey } from './format-time';

/** A run of consecutive posts from one feed within a day. */
export interface FeedRun {
  feedId: string;
  posts: StoredPost[];
}

/** One day of the river. */
export interface RiverDay {
  key: string;
  /** An instant in that day (the newest post's). */
  at: number;
  runs: FeedRun[];
}

/**
 * Groups posts (already newest first) into days and feed runs. Days are the reader's local days;
 * the exported Planet passes UTC days (`keyOf`), as its pages are read anywhere.
 */
export function groupRiver(posts: StoredPost[], keyOf: (at: number) => string = dayKey): RiverDay[] {
  const days: RiverDay[] = [];
  for (const post of posts) {
    const key = keyOf(post.sortKey);
    let day = days[days.length - 1];
    if (!day || day.key !== key) {
      day = { key, at: post.sortKey, runs: [] };
      days.push(day);
    }
    let run = day.runs[day.runs.length - 1];
    if (!run || run.feedId !== post.feedId) {
      run = { feedId: post.feedId, posts: [] };
      day.runs.push(run);
    }
    run.posts.push(post);
  }
  return days;
}

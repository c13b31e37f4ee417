/** The exported page's layout: UTC day headings, then each run of one feed's consecutive posts under its name. */
import type { StoredPost } from '../db/types';
import { utcDayKey } from './export-dates';

/** One day of the exported river, its posts grouped in runs of one feed. */
export interface ExportDay {
  at: number;
  runs: { feedId: string; posts: StoredPost[] }[];
}

/** Groups posts (newest first) by UTC day, then into runs of consecutive posts of one feed, as Planet does. */
export function groupByDay(posts: StoredPost[]): ExportDay[] {
  const days: ExportDay[] = [];
  let dayKey = '';
  for (const post of posts) {
    const key = utcDayKey(post.sortKey);
    let day = days[days.length - 1];
    if (!day || key !== dayKey) {
      day = { at: post.sortKey, runs: [] };
      days.push(day);
      dayKey = key;
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

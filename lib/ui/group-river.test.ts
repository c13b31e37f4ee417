import { describe, expect, it } from 'vitest';
import type { StoredPost } from '../db/types';
import { groupRiver } from './group-river';

const post = (feedId: string, id: string, iso: string): StoredPost => {
  const t = Date.parse(iso);
  return { feedId, id, title: id, firstSeen: t, sortKey: t, enclosures: [], categories: [], read: 0, starred: 0, folder: '', updatedAt: t };
};

describe('groupRiver', () => {
  it('splits days and groups consecutive posts of one feed', () => {
    const days = groupRiver([
      post('a', '1', '2025-04-26T10:00:00'),
      post('a', '2', '2025-04-26T09:00:00'),
      post('b', '3', '2025-04-26T08:00:00'),
      post('a', '4', '2025-04-25T23:00:00'),
    ]);
    expect(days.map((d) => d.runs.map((r) => [r.feedId, r.posts.length]))).toEqual([
      [['a', 2], ['b', 1]],
      [['a', 1]],
    ]);
  });
});

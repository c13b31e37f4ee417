import { describe, expect, it } from 'vitest';
import { makeFeed } from '../db/feeds';
import { patchFeedRows, type FeedRow } from './patch-feed-rows';

const feed = (id: string, title: string, folder = '') => makeFeed({ url: `https://${id}.example/feed`, title, folder, firstCheckAt: 0 }, 0, id);

describe('patchFeedRows', () => {
  const rows: FeedRow[] = [
    { feed: feed('a', 'Alpha'), posts: 1 },
    { feed: feed('b', 'Beta'), posts: 2 },
    { feed: feed('c', 'Gamma'), posts: 3 },
  ];

  it('replaces the re-read rows and keeps the others as the same objects', () => {
    const b2 = { ...feed('b', 'Beta'), lastFetchAt: 5 };
    const out = patchFeedRows(rows, new Map([['b', { feed: b2 }]]));
    expect(out.map((r) => r.feed.id)).toEqual(['a', 'b', 'c']);
    expect(out[0]).toBe(rows[0]);
    expect(out[2]).toBe(rows[2]);
    expect(out[1]).toEqual({ feed: b2, posts: 2 });
  });

  it('takes a new post count when one was read', () => {
    const out = patchFeedRows(rows, new Map([['c', { feed: rows[2]!.feed, posts: 10 }]]));
    expect(out[2]?.posts).toBe(10);
  });

  it('drops gone feeds, adds new ones and keeps the list order when a title changes', () => {
    const out = patchFeedRows(
      rows,
      new Map([
        ['a', { feed: feed('a', 'Zeta') }],
        ['b', { feed: undefined }],
        ['d', { feed: feed('d', 'Delta'), posts: 4 }],
      ]),
    );
    expect(out.map((r) => r.feed.title)).toEqual(['Delta', 'Gamma', 'Zeta']);
  });
});

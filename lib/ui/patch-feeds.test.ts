import { describe, expect, it } from 'vitest';
import { compareFeeds, makeFeed } from '../db/feeds';
import { patchFeeds } from './patch-feeds';

const feed = (id: string, title: string, folder = '') => makeFeed({ url: `https://${id}.example/feed`, title, folder, firstCheckAt: 0 }, 0, id);

describe('patchFeeds', () => {
  const feeds = [feed('a', 'Alpha'), feed('b', 'Beta'), feed('c', 'Gamma')];

  it('replaces the re-read feeds and keeps the others as the same objects', () => {
    const b2 = { ...feeds[1]!, lastFetchAt: 5 };
    const out = patchFeeds(feeds, new Map([['b', b2]]));
    expect(out).toEqual([feeds[0], b2, feeds[2]]);
    expect(out[0]).toBe(feeds[0]);
    expect(out[2]).toBe(feeds[2]);
  });

  it('gives back the same list when nothing was re-read', () => {
    expect(patchFeeds(feeds, new Map())).toBe(feeds);
  });

  it('drops a feed that is gone, adds one it did not have, and keeps the list sorted when a title or folder changes', () => {
    const out = patchFeeds(
      feeds,
      new Map([
        ['a', { ...feeds[0]!, title: 'Zeta' }],
        ['b', undefined],
        ['d', feed('d', 'Delta')],
        ['c', { ...feeds[2]!, folder: 'News' }],
      ]),
    );
    expect(out.map((f) => f.title)).toEqual(['Delta', 'Zeta', 'Gamma']);
    expect([...out].sort(compareFeeds)).toEqual(out);
  });
});

describe('compareFeeds', () => {
  it('orders by folder, then by title ignoring case and accents', () => {
    const list = [feed('1', 'beta', 'News'), feed('2', 'Émile'), feed('3', 'alpha', 'News'), feed('4', 'Zed'), feed('5', 'emile b'), feed('6', 'Alpha')];
    expect(list.sort(compareFeeds).map((f) => `${f.folder}/${f.title}`)).toEqual(['/Alpha', '/Émile', '/emile b', '/Zed', 'News/alpha', 'News/beta']);
    expect(compareFeeds(feed('x', 'Python'), feed('y', 'python'))).toBe(0);
    expect(compareFeeds(feed('x', 'cafe'), feed('y', 'Café'))).toBe(0);
  });
});

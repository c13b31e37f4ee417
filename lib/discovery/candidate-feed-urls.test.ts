import { describe, expect, it } from 'vitest';
import { candidateFeedUrls } from './candidate-feed-urls';

const NAMES = ['feed', 'rss.xml', 'atom.xml', 'index.xml', 'feed.json', 'feed.xml', 'rss', 'index.rss'];

describe('candidateFeedUrls', () => {
  it('lists the well-known paths at the root of a site', () => {
    expect(candidateFeedUrls('https://example.com')).toEqual(NAMES.map((n) => `https://example.com/${n}`));
    expect(candidateFeedUrls('https://example.com/?utm=x#top')).toEqual(NAMES.map((n) => `https://example.com/${n}`));
  });

  it('lists the given directory first, then the root', () => {
    const expected = [...NAMES.map((n) => `https://example.com/blog/${n}`), ...NAMES.map((n) => `https://example.com/${n}`)];
    expect(candidateFeedUrls('https://example.com/blog')).toEqual(expected);
    expect(candidateFeedUrls('https://example.com/blog/')).toEqual(expected);
    expect(candidateFeedUrls('https://example.com/blog/post.html')).toEqual(expected);
  });

  it('treats a bare host as https and rejects other schemes', () => {
    expect(candidateFeedUrls('example.com')[0]).toBe('https://example.com/feed');
    expect(candidateFeedUrls('http://example.com:8080/')[0]).toBe('http://example.com:8080/feed');
    expect(candidateFeedUrls('javascript:alert(1)')).toEqual([]);
    expect(candidateFeedUrls('mailto:a@example.com')).toEqual([]);
    expect(candidateFeedUrls('')).toEqual([]);
  });
});

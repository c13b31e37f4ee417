import { describe, expect, it } from 'vitest';
import { reportedPageUrl, sanitizeDetected } from './sanitize-detected';
import { tabTitle } from './tab-feeds';

describe('what a content script reports', () => {
  it('keeps well-formed http(s) entries only, and a self entry only for the page itself', () => {
    const page = 'https://blog.example/feed.xml';
    expect(
      sanitizeDetected(
        [
          { url: 'https://blog.example/rss', title: '  Blog  ', type: 'rss', source: 'link' },
          { url: 'javascript:alert(1)', type: 'rss' },
          { url: 'http://', type: 'rss' },
          { url: 'https://[::1/feed', type: 'rss' },
          { url: 'data:text/html,https://x', type: 'rss' },
          { url: 'https://evil.example/x', type: 'atom', source: 'self' },
          { url: page, type: 'constructor', source: 'self' },
          { url: 'https://blog.example/a', type: 'atom', source: 'probe' },
          'nonsense',
          null,
        ],
        page,
      ),
    ).toEqual([
      { url: 'https://blog.example/rss', title: 'Blog', type: 'rss', source: 'link' },
      { url: page, type: 'unknown', source: 'self' },
      { url: 'https://blog.example/a', type: 'atom', source: 'link' },
    ]);
    expect(sanitizeDetected('not a list', page)).toEqual([]);
    expect(sanitizeDetected(Array.from({ length: 80 }, (_, i) => ({ url: `https://x.example/${i}` })), page)).toHaveLength(50);
  });

  it('titles the toolbar button by the feeds not followed yet, and keeps the default without feeds', () => {
    expect(tabTitle(0, 0)).toBe('Orrery');
    expect(tabTitle(1, 1)).toBe('Orrery: 1 feed on this page');
    expect(tabTitle(3, 2)).toBe('Orrery: 2 feeds on this page');
    expect(tabTitle(1, 0)).toBe('Orrery: you follow this page’s feed');
    expect(tabTitle(2, 0)).toBe('Orrery: you follow this page’s 2 feeds');
  });
});

describe('reportedPageUrl', () => {
  it("takes the script's address on the sender's origin (a single-page site's pushState), never another site", () => {
    expect(reportedPageUrl('http://spa.example/posts/', 'http://spa.example/')).toBe('http://spa.example/posts/');
    expect(reportedPageUrl('http://evil.example/', 'http://spa.example/')).toBe('http://spa.example/');
    expect(reportedPageUrl('https://spa.example/', 'http://spa.example/')).toBe('http://spa.example/');
    expect(reportedPageUrl('javascript:alert(1)', 'http://spa.example/')).toBe('http://spa.example/');
    expect(reportedPageUrl(undefined, 'http://spa.example/a')).toBe('http://spa.example/a');
  });
});

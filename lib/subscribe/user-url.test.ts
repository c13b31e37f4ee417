import { describe, expect, it } from 'vitest';
import { parseUserUrl } from './user-url';

describe('parseUserUrl', () => {
  it.each([
    ['https://example.com/feed.xml', 'https://example.com/feed.xml'],
    ['  http://example.com  ', 'http://example.com/'],
    ['example.com/blog', 'https://example.com/blog'],
    ['example.com:8080/feed', 'https://example.com:8080/feed'],
    ['localhost:8080/feed', 'https://localhost:8080/feed'],
    ['feed://example.com/rss', 'http://example.com/rss'],
    ['feed:https://example.com/rss', 'https://example.com/rss'],
  ])('%s -> %s', (input, url) => {
    expect(parseUserUrl(input)).toEqual({ ok: true, url });
  });

  it.each([
    ['', 'Type the address of a feed or of a site.'],
    ['hello world', '“hello world” is not a web address (it contains spaces).'],
    ['javascript:alert(1)', 'unsupported scheme "javascript:"'],
    ['mailto:a@example.com', 'unsupported scheme "mailto:"'],
    ['blog', '“blog” has no domain'],
  ])('refuses %j in words', (input, words) => {
    const r = parseUserUrl(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(words);
  });
});

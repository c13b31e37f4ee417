import { describe, expect, it } from 'vitest';
import { normalizeFeedUrl } from './normalize-feed-url';

describe('normalizeFeedUrl', () => {
  it.each([
    ['https://example.com/feed', 'https://example.com/feed'],
    ['  HTTP://Example.COM/a b  ', 'http://example.com/a%20b'],
    ['feed://example.com/rss', 'http://example.com/rss'],
    ['feed:example.com/rss', 'http://example.com/rss'],
    ['FEED:https://example.com/atom', 'https://example.com/atom'],
    ['feed:http://example.com/atom', 'http://example.com/atom'],
    ['//example.com/feed', 'https://example.com/feed'],
  ])('accepts %j as %j', (raw, url) => {
    expect(normalizeFeedUrl(raw)).toEqual({ ok: true, url });
  });

  it.each([
    ['', 'missing feed URL'],
    ['javascript:alert(1)', 'unsupported scheme "javascript:"'],
    ['data:text/xml,<rss/>', 'unsupported scheme "data:"'],
    ['file:///etc/passwd', 'unsupported scheme "file:"'],
    ['example.com/feed', 'not an absolute URL'],
    ['http://', 'not an absolute URL'],
  ])('rejects %j', (raw, reason) => {
    const result = normalizeFeedUrl(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

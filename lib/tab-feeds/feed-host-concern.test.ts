import { describe, expect, it } from 'vitest';
import { concernText, feedHostConcern } from './feed-host-concern';

const PAGE = 'https://blog.example/2026/post.html';

describe('feedHostConcern', () => {
  it('trusts a feed on the page’s own host (www. or not, any scheme or path)', () => {
    expect(feedHostConcern('https://blog.example/feed.xml', PAGE)).toBeUndefined();
    expect(feedHostConcern('http://blog.example/comments/feed', PAGE)).toBeUndefined();
    expect(feedHostConcern('https://www.blog.example/feed', PAGE)).toBeUndefined();
    expect(feedHostConcern('https://BLOG.example./feed', PAGE)).toBeUndefined();
  });

  it('trusts a same-host feed of a page on the local network (the page is already that host)', () => {
    expect(feedHostConcern('http://wiki.internal/feed', 'http://wiki.internal/page')).toBeUndefined();
  });

  it('flags a feed on another public host', () => {
    expect(feedHostConcern('https://feeds.feedburner.com/blog', PAGE)).toEqual({ kind: 'other-site', host: 'feeds.feedburner.com' });
    expect(feedHostConcern('https://cdn.blog.example/feed', PAGE)).toEqual({ kind: 'other-site', host: 'cdn.blog.example' });
    expect(feedHostConcern('https://blog.example:8443/feed', PAGE)).toEqual({ kind: 'other-site', host: 'blog.example:8443' });
  });

  it('flags a feed on a private or local address, showing the address as the browser reads it', () => {
    expect(feedHostConcern('http://2130706433/admin', PAGE)).toEqual({ kind: 'private', host: '127.0.0.1' });
    expect(feedHostConcern('http://0x7f.1:8080/', PAGE)).toEqual({ kind: 'private', host: '127.0.0.1:8080' });
    expect(feedHostConcern('http://[::ffff:10.0.0.1]/feed', PAGE)).toEqual({ kind: 'private', host: '[::ffff:a00:1]' });
    expect(feedHostConcern('http://169.254.169.254/latest/meta-data/', PAGE)).toEqual({ kind: 'private', host: '169.254.169.254' });
    expect(feedHostConcern('http://router.local/feed', PAGE)).toEqual({ kind: 'private', host: 'router.local' });
    expect(feedHostConcern('http://intranet/feed', 'http://wiki.internal/')).toEqual({ kind: 'private', host: 'intranet' });
  });

  it('without a known page, trusts only public hosts', () => {
    expect(feedHostConcern('https://blog.example/feed', undefined)).toBeUndefined();
    expect(feedHostConcern('http://localhost:3000/feed', undefined)).toEqual({ kind: 'private', host: 'localhost:3000' });
  });

  it('does not trust what is not an http(s) URL', () => {
    expect(feedHostConcern('file:///etc/passwd', PAGE)?.kind).toBe('other-site');
  });

  it('says which site or address it is', () => {
    expect(concernText({ kind: 'other-site', host: 'feeds.example' })).toBe('This feed is on another site: feeds.example');
    expect(concernText({ kind: 'private', host: '127.0.0.1' })).toBe('This feed is on a private or local network address: 127.0.0.1');
  });
});

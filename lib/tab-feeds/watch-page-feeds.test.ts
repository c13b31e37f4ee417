// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DiscoveredFeed } from '../discovery/types';
import { rawFeedOfDocument } from './raw-feed-of-document';
import { watchPageFeeds } from './watch-page-feeds';

afterEach(() => {
  vi.useRealTimers();
  document.head.innerHTML = '';
});

function xmlDocument(xml: string, type: DOMParserSupportedType = 'application/xml'): Document {
  return new DOMParser().parseFromString(xml, type);
}

describe('watchPageFeeds', () => {
  it('says nothing for a page without feeds, then reports a link added later, and its removal', async () => {
    vi.useFakeTimers();
    const reports: DiscoveredFeed[][] = [];
    const watch = watchPageFeeds(window, (f) => reports.push(f), 100);
    expect(reports).toEqual([]);
    const link = document.createElement('link');
    Object.assign(link, { rel: 'alternate', type: 'application/rss+xml', href: '/feed.xml', title: 'Feed' });
    document.head.appendChild(link);
    await Promise.resolve(); // mutation records are delivered as a microtask
    vi.advanceTimersByTime(150);
    expect(reports).toEqual([[{ url: new URL('/feed.xml', location.href).href, title: 'Feed', type: 'rss', source: 'link' }]]);
    link.remove();
    await Promise.resolve();
    vi.advanceTimersByTime(150);
    expect(reports[1]).toEqual([]);
    watch.stop();
  });

  it('reads anchors ("RSS" links) only when asked, and then reports even nothing', () => {
    document.body.innerHTML = '<a href="/rss.xml">RSS</a>' + '<a href="/post">A post</a>'.repeat(50);
    const reports: DiscoveredFeed[][] = [];
    const watch = watchPageFeeds(window, (f) => reports.push(f), 100);
    expect(reports).toEqual([]);
    watch.scanAll();
    expect(reports).toEqual([[{ url: new URL('/rss.xml', location.href).href, title: 'RSS', type: 'rss', source: 'anchor' }]]);
    document.body.innerHTML = '<a href="/post">A post</a>';
    watch.scanAll();
    expect(reports[1]).toEqual([]);
    watch.stop();
    document.body.innerHTML = '';
  });
});

describe('rawFeedOfDocument', () => {
  it('recognizes an XML feed document and names it', () => {
    const doc = xmlDocument('<rss version="2.0"><channel><title>Raw &amp; Co</title><item><title>One</title></item></channel></rss>');
    expect(rawFeedOfDocument(doc, 'https://x.example/rss')).toEqual({ url: 'https://x.example/rss', title: 'Raw & Co', type: 'rss', source: 'self' });
    const atom = xmlDocument('<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title></feed>');
    expect(rawFeedOfDocument(atom, 'https://x.example/a')?.type).toBe('atom');
  });

  it('reads feeds shown as text, and leaves web pages alone', () => {
    const text = document.implementation.createHTMLDocument('');
    Object.defineProperty(text, 'contentType', { value: 'text/plain' });
    text.body.innerHTML = '<pre>&lt;?xml version="1.0"?&gt;&lt;feed xmlns="http://www.w3.org/2005/Atom"&gt;&lt;title&gt;Plain Atom&lt;/title&gt;</pre>';
    expect(rawFeedOfDocument(text, 'https://x.example/atom')).toEqual({ url: 'https://x.example/atom', title: 'Plain Atom', type: 'atom', source: 'self' });
    text.body.innerHTML = '<pre>{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": []}</pre>';
    expect(rawFeedOfDocument(text, 'https://x.example/j')).toEqual({ url: 'https://x.example/j', title: 'J', type: 'json', source: 'self' });
    text.body.innerHTML = '<pre>{"users": []}</pre>';
    expect(rawFeedOfDocument(text, 'https://x.example/api')).toBeUndefined();
    expect(rawFeedOfDocument(document, location.href)).toBeUndefined();
  });
});

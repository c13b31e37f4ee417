// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { feedsFromDocument } from './feeds-from-document';
import { findFeedLinks } from './find-feed-links';

const PAGE = 'https://blog.example/posts/hello.html';

function documentOf(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('feedsFromDocument', () => {
  it('reads <link rel=alternate> feeds from the DOM, case-insensitively, against <base>', () => {
    const html = `<head><base href="https://cdn.example/b/">
      <link rel="Home ALTERNATE" type="application/rss+xml" title="R &amp; D" href="rss.xml">
      <link rel="alternate" type="application/atom+xml" href="feed:https://blog.example/atom">
      <link rel="alternate" type="text/css" href="x.css"></head>`;
    expect(feedsFromDocument(documentOf(html), PAGE)).toEqual([
      { url: 'https://cdn.example/b/rss.xml', title: 'R & D', type: 'rss', source: 'link' },
      { url: 'https://blog.example/atom', type: 'atom', source: 'link' },
    ]);
  });

  it('falls back to anchors, labelling image links by alt', () => {
    const html = `<body><a href="/feed">Feed</a><a href="/x"><img alt="RSS" src="i.png"></a><a href="/about">About</a></body>`;
    expect(feedsFromDocument(documentOf(html), PAGE).map((f) => [f.url, f.source])).toEqual([
      ['https://blog.example/feed', 'anchor'],
      ['https://blog.example/x', 'anchor'],
    ]);
  });

  it('agrees with findFeedLinks on the same markup', () => {
    const html = `<html><head><link rel=alternate type=application/rss+xml href=/a.xml title=A>
      <link rel="alternate" type="application/json" title="JSON Feed" href="/feed.json">
      <link rel="alternate" type="application/rss+xml" href="/a.xml"></head><body><a href="/b.rss">RSS</a></body></html>`;
    expect(feedsFromDocument(documentOf(html), PAGE)).toEqual(findFeedLinks(html, PAGE));
  });
});

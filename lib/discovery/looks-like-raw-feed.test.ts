import { describe, expect, it } from 'vitest';
import { looksLikeRawFeed } from './looks-like-raw-feed';

describe('looksLikeRawFeed', () => {
  it.each([
    ['application/rss+xml; charset=utf-8', ''],
    ['application/atom+xml', ''],
    ['application/feed+json', ''],
    ['text/xml', '<?xml version="1.0"?>\n<?xml-stylesheet href="/s.xsl" type="text/xsl"?>\n<!-- hi -->\n<rss version="2.0">'],
    ['application/xml', '\ufeff<feed xmlns="http://www.w3.org/2005/Atom">'],
    [undefined, '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'],
    ['text/plain', '<!DOCTYPE rss [<!ENTITY x "y">]><rss>'],
    ['application/json', '{"version": "https://jsonfeed.org/version/1.1", "title": "x"}'],
  ])('true for %j with %j', (contentType, firstBytes) => {
    expect(looksLikeRawFeed(contentType, firstBytes)).toBe(true);
  });

  it.each([
    ['text/html', '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head>'],
    ['application/xml', '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'],
    ['application/json', '{"name": "not a feed", "version": "1.0"}'],
    [undefined, 'rss is great'],
    [undefined, ''],
  ])('false for %j with %j', (contentType, firstBytes) => {
    expect(looksLikeRawFeed(contentType, firstBytes)).toBe(false);
  });
});

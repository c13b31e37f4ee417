import { resolveFeedHref } from './resolve-feed-href';
import { typeFromUrl } from './type-from-url';
import type { DiscoveredFeed } from './types';

const FEED_PATH = /(?:\.(?:rss|xml|atom|rdf)|feed\.json)$|\/(?:feed|rss|atom)$/;
const FEED_TEXT = /\b(?:rss|atom)\b|^(?:json )?feed$/i;
// .xml is also sitemaps and config files; those are never feeds.
const NOT_FEED_PATH = /sitemap|opensearch|wlwmanifest|xmlrpc|oembed/;

/**
 * Guesses whether an <a> points at a feed, from its URL (…/feed, *.rss, feed.json…) or its text
 * ("RSS", "Atom feed"). Only used when a page declares no <link rel=alternate> feeds.
 */
export function feedFromAnchor(href: string, text: string, base: string): DiscoveredFeed | undefined {
  const url = resolveFeedHref(href, base);
  if (url === undefined) return undefined;
  const path = new URL(url).pathname.toLowerCase().replace(/\/+$/, '');
  if (NOT_FEED_PATH.test(path)) return undefined;
  const label = text.replace(/\s+/g, ' ').trim();
  if (!FEED_PATH.test(path) && !FEED_TEXT.test(label)) return undefined;
  let type = typeFromUrl(url);
  if (type === 'unknown' && /\batom\b/i.test(label)) type = 'atom';
  else if (type === 'unknown' && /\brss\b/i.test(label)) type = 'rss';
  return { url, ...(label !== '' ? { title: label } : {}), type, source: 'anchor' };
}

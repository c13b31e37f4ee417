import { resolveFeedHref } from './resolve-feed-href';
import { typeFromUrl } from './type-from-url';
import type { DiscoveredFeed, DiscoveredFeedType, RawFeedLink } from './types';

// A Map, not an object: the type attribute comes from the page ('constructor' must miss).
const FEED_MIME = new Map<string, DiscoveredFeedType>([
  ['application/rss+xml', 'rss'],
  ['application/x-rss+xml', 'rss'],
  ['application/atom+xml', 'atom'],
  ['application/rdf+xml', 'rdf'],
  ['application/feed+json', 'json'],
  // XML served generically: a feed, but its dialect is only a guess from the URL.
  ['text/xml', 'unknown'],
  ['application/xml', 'unknown'],
]);

// WordPress's REST links are rel=alternate application/json too; only a feed-ish name counts.
const FEEDISH = /feed|rss|atom/i;

/** The MIME essence: lower-cased, parameters (`; charset=…`) dropped. */
function mimeEssence(type: string): string {
  return (type.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Turns one <link> into a discovered feed when it is a feed alternate (rel list containing
 * "alternate" and a feed MIME type); undefined otherwise. Values must already be entity-decoded.
 */
export function feedFromLink(link: RawFeedLink, base: string): DiscoveredFeed | undefined {
  const rels = (link.rel ?? '').toLowerCase().split(/\s+/);
  if (!rels.includes('alternate') || link.href === undefined) return undefined;
  const essence = mimeEssence(link.type ?? '');
  const title = link.title?.replace(/\s+/g, ' ').trim() || undefined;
  let type = FEED_MIME.get(essence);
  if (type === undefined && essence === 'application/json' && FEEDISH.test(`${title ?? ''} ${link.href}`)) type = 'json';
  if (type === undefined) return undefined;
  const url = resolveFeedHref(link.href, base);
  if (url === undefined) return undefined;
  if (type === 'unknown') type = typeFromUrl(url);
  return { url, ...(title !== undefined ? { title } : {}), type, source: 'link' };
}

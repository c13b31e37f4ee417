import type { DiscoveredFeedType } from './types';

/** Guesses a format from a URL's path (used when the MIME type does not say). */
export function typeFromUrl(url: string): DiscoveredFeedType {
  const path = new URL(url).pathname.toLowerCase();
  if (/\.json$/.test(path)) return 'json';
  if (/atom/.test(path)) return 'atom';
  if (/\.rdf$|\/rdf\/?$/.test(path)) return 'rdf';
  if (/rss/.test(path)) return 'rss';
  return 'unknown';
}

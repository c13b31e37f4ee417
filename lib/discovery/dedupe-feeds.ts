import type { DiscoveredFeed } from './types';

/** Removes repeated URLs, keeping the first occurrence (and a title from a later one if it had none). */
export function dedupeFeeds(feeds: DiscoveredFeed[]): DiscoveredFeed[] {
  const byUrl = new Map<string, DiscoveredFeed>();
  for (const feed of feeds) {
    const seen = byUrl.get(feed.url);
    if (seen === undefined) byUrl.set(feed.url, { ...feed });
    else if (seen.title === undefined && feed.title !== undefined) seen.title = feed.title;
  }
  return [...byUrl.values()];
}

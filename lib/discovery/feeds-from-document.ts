import { dedupeFeeds } from './dedupe-feeds';
import { feedFromAnchor } from './feed-from-anchor';
import { feedFromLink } from './feed-from-link';
import { documentBase } from './document-base';
import type { DiscoveredFeed } from './types';

// A content script runs on every page: cap the anchor scan so a huge page costs little.
const MAX_ANCHORS = 3000;

function attr(element: Element, name: string): string | undefined {
  return element.getAttribute(name) ?? undefined;
}

/**
 * findFeedLinks for a live Document (the content script): same rules, read from the DOM, so
 * nothing is re-parsed and entities are already decoded.
 */
export function feedsFromDocument(doc: Document, pageUrl: string): DiscoveredFeed[] {
  const base = documentBase(doc.querySelector('base[href]')?.getAttribute('href') ?? undefined, pageUrl);
  const links = [...doc.querySelectorAll('link[rel~="alternate" i][href]')].flatMap(
    (link) =>
      feedFromLink(
        { rel: attr(link, 'rel'), type: attr(link, 'type'), href: attr(link, 'href'), title: attr(link, 'title') },
        base,
      ) ?? [],
  );
  if (links.length > 0) return dedupeFeeds(links);
  const anchors = [...doc.querySelectorAll('a[href]')].slice(0, MAX_ANCHORS);
  return dedupeFeeds(
    anchors.flatMap((a) => {
      // An image-only link ("RSS" icon) is labelled by its alt text.
      const text = a.textContent?.trim() || a.querySelector('img[alt]')?.getAttribute('alt') || '';
      return feedFromAnchor(a.getAttribute('href') ?? '', text, base) ?? [];
    }),
  );
}

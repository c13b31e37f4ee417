import { dedupeFeeds } from './dedupe-feeds';
import { feedFromAnchor } from './feed-from-anchor';
import { feedFromLink } from './feed-from-link';
import { documentBase } from './document-base';
import type { DiscoveredFeed } from './types';

// Anchors are read only when the popup asks; still capped, so a huge page costs little then too.
const MAX_ANCHORS = 3000;

function attr(element: Element, name: string): string | undefined {
  return element.getAttribute(name) ?? undefined;
}

/** Options: `anchors: false` reads only <link> elements (the content script as a page loads). */
export interface FeedsFromDocumentOptions {
  anchors?: boolean;
}

/**
 * findFeedLinks for a live Document (the content script): same rules, read from the DOM, so
 * nothing is re-parsed and entities are already decoded. <link> and <base> are read through
 * getElementsByTagName, which the browser keeps indexed: no walk of a page of 20,000 links.
 */
export function feedsFromDocument(doc: Document, pageUrl: string, opts: FeedsFromDocumentOptions = {}): DiscoveredFeed[] {
  const baseElement = [...doc.getElementsByTagName('base')].find((b) => b.hasAttribute('href'));
  const base = documentBase(baseElement?.getAttribute('href') ?? undefined, pageUrl);
  const links = [...doc.getElementsByTagName('link')].flatMap((link) => {
    if (!link.hasAttribute('href') || !/(?:^|\s)alternate(?:\s|$)/i.test(link.getAttribute('rel') ?? '')) return [];
    return feedFromLink({ rel: attr(link, 'rel'), type: attr(link, 'type'), href: attr(link, 'href'), title: attr(link, 'title') }, base) ?? [];
  });
  if (links.length > 0 || opts.anchors === false) return dedupeFeeds(links);
  const anchors = [...doc.querySelectorAll('a[href]')].slice(0, MAX_ANCHORS);
  return dedupeFeeds(
    anchors.flatMap((a) => {
      // An image-only link ("RSS" icon) is labelled by its alt text.
      const text = a.textContent?.trim() || a.querySelector('img[alt]')?.getAttribute('alt') || '';
      return feedFromAnchor(a.getAttribute('href') ?? '', text, base) ?? [];
    }),
  );
}

import { decodeHtmlEntities } from './decode-html-entities';
import { dedupeFeeds } from './dedupe-feeds';
import { feedFromAnchor } from './feed-from-anchor';
import { feedFromLink } from './feed-from-link';
import { documentBase } from './document-base';
import { scanHtmlTags } from './scan-html-tags';
import type { DiscoveredFeed, RawFeedLink } from './types';

// Link text past this is not a label anyone reads; the cap keeps a page-long <a> cheap.
const MAX_ANCHOR_HTML = 2000;

function attr(attrs: Map<string, string>, name: string): string | undefined {
  const value = attrs.get(name);
  return value === undefined ? undefined : decodeHtmlEntities(value);
}

/** Visible text of an HTML fragment (tags dropped, entities decoded); an image's alt counts as text. */
function textOf(fragment: string): string {
  const withAlts = fragment.replace(/<img\b[^>]*?\balt\s*=\s*["']([^"']*)["'][^>]*>/gi, ' $1 ');
  return decodeHtmlEntities(withAlts.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/**
 * Finds the feeds an HTML page offers: <link rel="alternate"> feed links anywhere in the page,
 * or, only when there are none, <a> elements that look like feed links (source: 'anchor').
 */
export function findFeedLinks(html: string, pageUrl: string): DiscoveredFeed[] {
  let baseHref: string | undefined;
  const links: RawFeedLink[] = [];
  const anchors: { href: string; text: string }[] = [];
  let openAnchor: { href: string; end: number } | undefined;
  for (const tag of scanHtmlTags(html)) {
    // Any <a> or </a> ends the open anchor (HTML does not nest them).
    if (tag.name === 'a' && openAnchor !== undefined) {
      anchors.push({ href: openAnchor.href, text: textOf(html.slice(openAnchor.end, Math.min(tag.start, openAnchor.end + MAX_ANCHOR_HTML))) });
      openAnchor = undefined;
    }
    if (tag.closing) continue;
    if (tag.name === 'base' && baseHref === undefined) baseHref = attr(tag.attrs, 'href');
    else if (tag.name === 'link') {
      links.push({
        rel: attr(tag.attrs, 'rel'),
        type: attr(tag.attrs, 'type'),
        href: attr(tag.attrs, 'href'),
        title: attr(tag.attrs, 'title'),
      });
    } else if (tag.name === 'a') {
      const href = attr(tag.attrs, 'href');
      if (href !== undefined) openAnchor = { href, end: tag.end };
    }
  }
  if (openAnchor !== undefined) anchors.push({ href: openAnchor.href, text: '' });
  // The first <base href> applies to the whole document, even to links written before it.
  const base = documentBase(baseHref, pageUrl);
  const fromLinks = dedupeFeeds(links.flatMap((link) => feedFromLink(link, base) ?? []));
  if (fromLinks.length > 0) return fromLinks;
  return dedupeFeeds(anchors.flatMap(({ href, text }) => feedFromAnchor(href, text, base) ?? []));
}

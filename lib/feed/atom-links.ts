import type { XmlElement } from '../xml/xml-node.ts';
import { children, textOf } from './element-helpers.ts';
import { resolveUrl } from './resolve-url.ts';

/** Atom <link> children (or atom:link in RSS), whichever key the document gave them. */
export function atomLinks(el: XmlElement): XmlElement[] {
  return el.key === 'entry' || el.key === 'feed' || el.key === 'source' ? children(el, 'link') : children(el, 'atom:link');
}

/**
 * A link's target: its href, or (Atom 0.3-era mistake) its text. Blank when it has neither; an
 * empty href is not "this document" here: it would turn the feed's own URL into every post's link.
 */
export function hrefOf(link: XmlElement): string {
  return (link.attrs['href'] ?? textOf(link)).trim();
}

/**
 * The rel="alternate" (or rel-less) links' hrefs, each resolved against its own xml:base, the
 * preferred first: an HTML-typed one, then the others in document order.
 */
export function atomAlternateLinks(el: XmlElement): string[] {
  const alternates = atomLinks(el).filter((l) => (l.attrs['rel'] ?? 'alternate').trim() === 'alternate' && hrefOf(l) !== '');
  const best = alternates.find((l) => /html/i.test(l.attrs['type'] ?? 'text/html')) ?? alternates[0];
  if (!best) return [];
  return [best, ...alternates.filter((l) => l !== best)].map((l) => resolveUrl(hrefOf(l), l.base));
}

/** The preferred rel="alternate" link's href, resolved (see atomAlternateLinks). */
export function atomAlternateLink(el: XmlElement): string | undefined {
  return atomAlternateLinks(el)[0];
}

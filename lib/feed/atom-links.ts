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
 * The rel="alternate" (or rel-less) link's href, resolved against the link's own xml:base;
 * an HTML-typed one is preferred when there are several.
 */
export function atomAlternateLink(el: XmlElement): string | undefined {
  const alternates = atomLinks(el).filter((l) => (l.attrs['rel'] ?? 'alternate').trim() === 'alternate' && hrefOf(l) !== '');
  const best = alternates.find((l) => /html/i.test(l.attrs['type'] ?? 'text/html')) ?? alternates[0];
  return best ? resolveUrl(hrefOf(best), best.base) : undefined;
}

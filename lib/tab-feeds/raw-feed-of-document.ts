/** When the tab shows a feed itself (raw XML or JSON) instead of a web page. */
import { decodeHtmlEntities } from '../discovery/decode-html-entities';
import { looksLikeRawFeed } from '../discovery/looks-like-raw-feed';
import type { DiscoveredFeed } from '../discovery/types';

const ROOTS: Readonly<Record<string, DiscoveredFeed['type']>> = { rss: 'rss', feed: 'atom', rdf: 'rdf' };

function rootType(name: string | undefined): DiscoveredFeed['type'] | undefined {
  const local = (name ?? '').toLowerCase().replace(/^.*:/, '');
  return Object.hasOwn(ROOTS, local) ? ROOTS[local] : undefined;
}

/**
 * The feed's root element: the document's own, or, in Chrome's XML viewer (which turns the
 * document into a pretty-printed tree), the copy of the source it keeps.
 */
function feedRoot(doc: Document): Element | undefined {
  const own = doc.documentElement;
  if (own && rootType(own.localName)) return own;
  const source = doc.getElementById('webkit-xml-viewer-source-xml')?.firstElementChild;
  return source && rootType(source.localName) ? source : undefined;
}

/** The page itself as a feed (source 'self'), or undefined for an ordinary page. Reads only the start of the document. */
export function rawFeedOfDocument(doc: Document, pageUrl: string): DiscoveredFeed | undefined {
  const contentType = doc.contentType;
  if (contentType === 'text/html') return undefined;
  const root = feedRoot(doc);
  const xmlType = root ? rootType(root.localName) : undefined;
  if (root && xmlType) {
    // The first <title> is the channel's (RSS, RDF) or the feed's (Atom): items come after it.
    const title = root.getElementsByTagNameNS('*', 'title')[0]?.textContent?.replace(/\s+/g, ' ').trim();
    return { url: pageUrl, ...(title ? { title } : {}), type: xmlType, source: 'self' };
  }
  // Feeds served as text/plain (or a type the browser shows as text) and JSON sit in a <pre>.
  const text = sourceText(doc).slice(0, 8192);
  if (!looksLikeRawFeed(contentType, text.slice(0, 4096))) return undefined;
  if (/^\s*\{/.test(text)) return { url: pageUrl, ...jsonTitle(doc), type: 'json', source: 'self' };
  const rootName = /<((?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*)[\s>/]/.exec(text.replace(/^(?:\ufeff|\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i, ''))?.[1];
  const rawTitle = /<title[^>]*>([^<]{1,300})</i.exec(text)?.[1];
  const title = rawTitle ? decodeHtmlEntities(rawTitle.replace(/^<!\[CDATA\[|\]\]>$/g, '')).replace(/\s+/g, ' ').trim() : '';
  return { url: pageUrl, ...(title ? { title } : {}), type: rootType(rootName) ?? 'unknown', source: 'self' };
}

function jsonTitle(doc: Document): { title?: string } {
  try {
    const parsed = JSON.parse(sourceText(doc)) as { title?: unknown };
    return typeof parsed.title === 'string' && parsed.title.trim() ? { title: parsed.title.trim().slice(0, 200) } : {};
  } catch {
    // A feed too broken to parse here may still be readable by the real parser.
    return {};
  }
}

/** The text a browser shows raw: the <pre> it puts the response in (its JSON viewer adds controls beside it). */
function sourceText(doc: Document): string {
  return (doc.querySelector('body > pre') ?? doc.body)?.textContent ?? '';
}

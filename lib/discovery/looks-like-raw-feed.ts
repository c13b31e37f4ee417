const FEED_MIME = new Set([
  'application/rss+xml',
  'application/x-rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
]);

// Things allowed before an XML root element: BOM, whitespace, the declaration, PIs
// (xml-stylesheet, which feeds use to look nice in browsers), comments, a DOCTYPE.
const PROLOG = /^(?:\ufeff|\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i;

/**
 * True when a tab shows a feed itself rather than a web page: a feed MIME type, or content that
 * starts with an <rss>, <feed> or <rdf:RDF> root, or a JSON Feed object.
 */
export function looksLikeRawFeed(contentType: string | undefined, firstBytes: string): boolean {
  const essence = (contentType?.split(';')[0] ?? '').trim().toLowerCase();
  if (FEED_MIME.has(essence)) return true;
  const start = firstBytes.slice(0, 4096);
  const rest = start.slice(PROLOG.exec(start)?.[0].length ?? 0);
  const root = /^<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(rest)?.[1]?.toLowerCase();
  if (root === 'rss' || root === 'feed' || root === 'rdf') return true;
  // JSON Feed names its spec in "version" (https://www.jsonfeed.org/version/1.1/).
  return /^\s*\{/.test(rest) && /"version"\s*:\s*"https?:\/\/(?:www\.)?jsonfeed\.org\/version\//.test(start);
}

/** What a content script reports is checked before it is stored: it runs inside a hostile page. */
import type { DiscoveredFeed } from '../discovery/types';
import { isWebUrl } from '../util/web-url';

const TYPES = new Set(['rss', 'atom', 'rdf', 'json']);

/** Keeps well-formed http(s) feed entries (at most 50); a 'self' entry must be the page itself. */
export function sanitizeDetected(feeds: unknown, pageUrl: string | undefined): DiscoveredFeed[] {
  if (!Array.isArray(feeds)) return [];
  const out: DiscoveredFeed[] = [];
  for (const f of feeds.slice(0, 50)) {
    if (typeof f !== 'object' || f === null) continue;
    const { url, title, type, source } = f as Record<string, unknown>;
    if (typeof url !== 'string' || url.length > 2048 || !isWebUrl(url)) continue;
    if (source === 'self' && url !== pageUrl) continue;
    out.push({
      url,
      ...(typeof title === 'string' && title.trim() ? { title: title.trim().slice(0, 200) } : {}),
      type: typeof type === 'string' && TYPES.has(type) ? (type as DiscoveredFeed['type']) : 'unknown',
      source: source === 'anchor' || source === 'self' ? source : 'link',
    });
  }
  return out;
}

/**
 * The address of the page a report is about. Chrome's `sender.url` stays the document's first
 * address after a single-page site's pushState, so the script's own `location.href` is used,
 * but only on the sender's origin: a page can change its path, not become another site.
 */
export function reportedPageUrl(claimed: unknown, senderUrl: string): string {
  if (typeof claimed !== 'string' || claimed.length > 8192 || !isWebUrl(claimed)) return senderUrl;
  try {
    return new URL(claimed).origin === new URL(senderUrl).origin ? claimed : senderUrl;
  } catch {
    return senderUrl;
  }
}

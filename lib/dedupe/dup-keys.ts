/**
 * The keys that find one post's copies in other feeds: its canonical link, its id when the id
 * is globally unique (a URL, a tag: or urn: id, a UUID), and its title on its site (which only
 * counts within TITLE_WINDOW_MS: a site may reuse a title, "Weekly links", years apart).
 */
import { foldText } from '../rules/fold-text';
import { parseWebUrl } from '../util/web-url';

/** Two posts with the same title on the same site are copies only when published this close. */
export const TITLE_WINDOW_MS = 3 * 86_400_000;

// Parameters that only say where a reader came from.
const TRACKING = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|source)$/i;

/** A link as the same page is written everywhere: no scheme, no www., no fragment, no tracking parameters, no trailing slash. */
export function canonicalLink(url: string | undefined): string | undefined {
  const u = parseWebUrl(url);
  return u ? canonicalOf(u) : undefined;
}

function canonicalOf(u: URL): string {
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = u.pathname.replace(/\/+$/, '').replace(/\/index\.html?$/i, '');
  return `${siteOf(u)}${u.port ? `:${u.port}` : ''}${path}${query}`;
}

const siteOf = (u: URL) => u.hostname.toLowerCase().replace(/^www\./, '');

/** True for an id no other publisher would give another post: a URL or URN-like id, or a long random one. */
function globalId(id: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S/i.test(id) || /^[0-9a-f-]{32,36}$/i.test(id);
}

/** The post's duplicate keys: "l:" link, "i:" id, "t:" site and title. */
export function dupKeys(post: { id: string; url?: string; title: string }): string[] {
  const keys: string[] = [];
  // The link is parsed once (a post's id is most often its link too): URL parsing was most of this function's cost at ingest.
  const u = parseWebUrl(post.url);
  const link = u && canonicalOf(u);
  if (link) keys.push(`l:${link}`);
  if (globalId(post.id)) {
    const idLink = post.id === post.url ? link : canonicalLink(post.id);
    const key = idLink ? `l:${idLink}` : `i:${post.id}`;
    if (!keys.includes(key)) keys.push(key);
  }
  const site = u && siteOf(u);
  const title = foldText(post.title).replace(/\s+/g, ' ').trim();
  if (site && title.length >= 8) keys.push(`t:${site}|${title}`);
  return keys;
}

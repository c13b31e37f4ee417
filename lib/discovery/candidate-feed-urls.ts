// Where blog engines put their feeds (WordPress /feed, Jekyll /feed.xml, Hugo /index.xml, …).
const WELL_KNOWN = ['feed', 'rss.xml', 'atom.xml', 'index.xml', 'feed.json', 'feed.xml', 'rss', 'index.rss'];

function parseSite(siteUrl: string): URL | undefined {
  const trimmed = siteUrl.trim().replace(/^feed:(?:\/\/)?/i, '');
  // Users type "example.com/blog"; a bare host is meant as https.
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed.replace(/^\/\//, '')}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Feed URLs worth probing when a site declares none: the well-known paths under the given path's
 * directory first (a blog at /blog/ has /blog/feed), then under the site root. Empty for a URL
 * that is not http(s).
 */
export function candidateFeedUrls(siteUrl: string): string[] {
  const site = parseSite(siteUrl);
  if (site === undefined) return [];
  // "/blog" means the blog directory; "/blog/post.html" means its directory "/blog/".
  const path = site.pathname;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  const directory = lastSegment.includes('.') ? path.slice(0, path.lastIndexOf('/') + 1) : `${path.replace(/\/+$/, '')}/`;
  const bases = [new URL(directory, site.origin).href, new URL('/', site.origin).href];
  const out = new Set<string>();
  for (const base of bases) for (const name of WELL_KNOWN) out.add(new URL(name, base).href);
  return [...out];
}

/**
 * Resolves an href against a base URL, accepting only what a reader can fetch: http(s), and
 * `feed:` in both its spellings (feed://host/path, feed:https://host/path), which becomes http(s).
 * Returns undefined for anything else (javascript:, mailto:, data:, unparsable).
 */
export function resolveFeedHref(href: string, base: string): string | undefined {
  let candidate = href.trim();
  if (candidate === '') return undefined;
  if (/^feed:/i.test(candidate)) {
    const rest = candidate.slice('feed:'.length);
    if (/^https?:/i.test(rest)) candidate = rest;
    else candidate = `http:${rest.startsWith('//') ? '' : '//'}${rest}`;
  }
  try {
    const url = new URL(candidate, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

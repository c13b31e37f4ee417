/**
 * Only `http:` and `https:` URLs may leave Orrery as a link, a tab or a fetch: a feed can
 * carry `data:`, `javascript:`, `file:` or `chrome:` URLs, and a `data:text/html` page opened
 * in a tab runs its script (a fake "session expired, sign in" page). Checked when a feed is
 * read and again wherever Orrery opens a tab.
 */
const WEB_SCHEME = /^https?:$/;

/** `url` parsed as an absolute http(s) URL, or undefined for anything else (relative, other schemes, unparsable). */
export function parseWebUrl(url: string | undefined | null): URL | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  return WEB_SCHEME.test(parsed.protocol) ? parsed : undefined;
}

/** True when `url` is an absolute http: or https: URL. */
export function isWebUrl(url: string | undefined | null): url is string {
  return parseWebUrl(url) !== undefined;
}

/** `url` (trimmed) when it is an absolute http(s) URL, otherwise undefined. */
export function webUrlOrUndefined(url: string | undefined | null): string | undefined {
  return isWebUrl(url) ? url.trim() : undefined;
}

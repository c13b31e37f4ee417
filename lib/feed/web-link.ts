import { parseWebUrl } from '../util/web-url.ts';
import { resolveUrl } from './resolve-url.ts';

// Starts with "http://" or "https://" and holds no whitespace: the URL parser can only read it as
// an http(s) URL or refuse it, never as another scheme, so it is kept as written (link-derived
// post ids stay what they were) without paying for a parse per link.
const PLAIN_HTTP = /^https?:\/\/[^\s\\]+$/i;

/**
 * `url` (already resolved) when it is an http(s) URL, else undefined: what a feed may make into a
 * post link, a site link, an enclosure, an image, a transcript or an icon. `javascript:`,
 * `data:`, `file:`, `chrome:`… are dropped, however spelled (case, leading blanks or controls).
 */
export function webUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (PLAIN_HTTP.test(url)) return url;
  return parseWebUrl(url)?.href;
}

/** `ref` resolved against `base`, then kept only when it is an http(s) URL (see webUrl). */
export function webLink(ref: string | undefined, base: string | undefined): string | undefined {
  return ref?.trim() ? webUrl(resolveUrl(ref, base)) : undefined;
}

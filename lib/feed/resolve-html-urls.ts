import { decodeEntities } from '../xml/decode-entities.ts';
import { resolveUrl } from './resolve-url.ts';

// Attributes that hold one URL (HTML 4 + media), as the reference parsers resolve them.
const URL_ATTRS = 'href|src|poster|cite|action|background|longdesc|usemap|codebase|data|profile|formaction|icon|manifest';
const TAG_RE = new RegExp(`<[A-Za-z][^>]*?\\s(?:${URL_ATTRS})\\s*=[^>]*>`, 'gi');
const ATTR_RE = new RegExp(`(\\s(?:${URL_ATTRS})\\s*=\\s*)(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'gi');
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

function safeDecodeUri(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/**
 * Relative URLs in the href/src-like attributes of an HTML fragment, resolved against `base`.
 * String-level rewriting (the service worker has no DOM): only attribute values are touched,
 * absolute URLs and fragment-only links are left alone, values are re-quoted with double quotes.
 */
export function resolveHtmlUrls(html: string, base: string | undefined): string {
  if (!base || html.indexOf('=') === -1) return html;
  return html.replace(TAG_RE, (tag) =>
    tag.replace(ATTR_RE, (whole: string, lead: string, dq?: string, sq?: string, bare?: string) => {
      const raw = dq ?? sq ?? bare ?? '';
      const value = decodeEntities(raw).trim();
      if (ABSOLUTE.test(value) || value.startsWith('#') || value === '') return whole;
      let resolved = resolveUrl(value, base);
      // Keep non-ASCII as the publisher wrote it (an IRI) rather than percent-encoded.
      if (/[\u0080-\uffff]/.test(value) && !value.includes('%')) resolved = safeDecodeUri(resolved);
      resolved = resolved.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      return `${lead}"${resolved}"`;
    }),
  );
}

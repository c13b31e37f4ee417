/** Exported content keeps only http(s) links: the page and its feeds leave Orrery for other readers. */
import { isWebUrl } from '../util/web-url';

const URL_ATTRS = ['href', 'src', 'cite'] as const;
const NEEDS_WALK = /\s(?:(?:href|src|cite)="(?!https?:\/\/|#)|srcset=)/i;

/**
 * Removes every href/src/cite/srcset of already sanitized HTML that is not an absolute http(s)
 * URL (mailto:, tel:, ftp:, data: images), keeping in-post fragment links. Needs a DOM
 * (DOMParser: its document runs nothing and loads nothing).
 */
export function webLinksOnly(html: string): string {
  // Sanitized HTML is serialized by the DOM: attributes in double quotes. When every URL
  // attribute already starts with http(s):// or # (the common case), nothing needs parsing.
  if (!NEEDS_WALK.test(html)) return html;
  const body = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html').body;
  for (const el of body.querySelectorAll('[href],[src],[cite],[srcset]')) {
    for (const name of URL_ATTRS) {
      const v = el.getAttribute(name);
      if (v === null) continue;
      if (name === 'href' && v.startsWith('#')) continue;
      if (!isWebUrl(v)) el.removeAttribute(name);
    }
    const srcset = el.getAttribute('srcset');
    if (srcset !== null) {
      const kept = srcset.split(',').map((s) => s.trim()).filter((s) => isWebUrl(s.split(/\s+/)[0]));
      if (kept.length > 0) el.setAttribute('srcset', kept.join(', '));
      else el.removeAttribute('srcset');
    }
  }
  return body.innerHTML;
}

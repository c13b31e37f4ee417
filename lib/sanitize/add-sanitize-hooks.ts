import type { DOMPurify } from 'dompurify';
import { isTrackingPixel } from './is-tracking-pixel';
import { DEFERRED_SRC } from './post-media';
import { resolveAttributeUrl, resolveSrcset } from './resolve-attribute-url';

const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);
const ID_PREFIX = 'user-content-';
// Class names are kept only as syntax-highlighting hints; any other class could borrow
// Orrery's own styles (an overlay, a hidden state) from the page's stylesheet.
const CODE_CLASS = /^(?:language|lang)-[\w+#.-]+$/;

/**
 * Registers Orrery's hooks on one DOMPurify instance (call once per instance). `getBaseUrl`
 * returns the base URL of the sanitize call in progress: hooks are global to the instance, so
 * per-call data cannot be passed to them any other way.
 */
export function addSanitizeHooks(purifier: DOMPurify, getBaseUrl: () => string | undefined): void {
  // An image's inline style, as the feed wrote it: style attributes are dropped, but a style
  // sizing it to 1px (or hiding it) marks a tracking pixel.
  const imageStyles = new WeakMap<Element, string>();
  purifier.addHook('beforeSanitizeAttributes', (node) => {
    if (node.nodeName.toLowerCase() !== 'img') return;
    const style = node.getAttribute('style');
    if (style !== null) imageStyles.set(node, style);
  });
  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    const tag = node.nodeName.toLowerCase();
    const name = data.attrName;
    if (name === 'class') {
      const kept = data.attrValue.split(/\s+/).filter((token) => CODE_CLASS.test(token));
      data.attrValue = kept.join(' ');
      data.keepAttr = kept.length > 0;
    } else if (name === 'href' && /^#./.test(data.attrValue.trim())) {
      // An in-post link (footnotes): point it at the prefixed id SANITIZE_NAMED_PROPS gives its target.
      data.attrValue = `#${ID_PREFIX}${data.attrValue.trim().slice(1)}`;
    } else if (URL_ATTRIBUTES.has(name)) {
      const resolved = resolveAttributeUrl(data.attrValue, tag, name, getBaseUrl());
      if (resolved === undefined) data.keepAttr = false;
      else data.attrValue = resolved;
    } else if (name === 'srcset') {
      const resolved = resolveSrcset(data.attrValue, getBaseUrl());
      if (resolved === undefined) data.keepAttr = false;
      else data.attrValue = resolved;
    }
  });

  purifier.addHook('afterSanitizeAttributes', (node) => {
    switch (node.nodeName.toLowerCase()) {
      case 'a': {
        const href = node.getAttribute('href');
        if (href !== null && !href.startsWith('#')) {
          node.setAttribute('target', '_blank');
          node.setAttribute('rel', 'noopener noreferrer');
        }
        break;
      }
      case 'img':
        if (isTrackingPixel(node, imageStyles.get(node) ?? null)) {
          node.remove();
          break;
        }
        node.setAttribute('loading', 'lazy');
        node.setAttribute('decoding', 'async');
        node.setAttribute('referrerpolicy', 'no-referrer');
        break;
      case 'audio':
      case 'video':
        // Media plays only when the reader asks, and loads nothing until then (a fetch is a read receipt).
        node.setAttribute('controls', '');
        node.setAttribute('preload', 'none');
        break;
      case 'track': {
        // Chromium fetches a default track with the page, preload="none" or not: its URL waits until play.
        const src = node.getAttribute('src');
        if (src !== null) {
          node.removeAttribute('src');
          node.setAttribute(DEFERRED_SRC, src);
        }
        break;
      }
      default:
        break;
    }
  });
}

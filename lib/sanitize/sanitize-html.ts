import createDOMPurify, { type DOMPurify } from 'dompurify';
import { addSanitizeHooks } from './add-sanitize-hooks';
import { PURIFY_CONFIG } from './purify-config';

/** Options for sanitizeHtml. */
export interface SanitizeOptions {
  /** The post's URL (or the feed's): relative href/src are resolved against it. */
  baseUrl?: string;
}

// One configured instance per window, made on first use: importing this module must cost
// nothing (and must not fail) where there is no DOM, e.g. in the service worker.
const instances = new WeakMap<typeof window, DOMPurify>();
let currentBaseUrl: string | undefined;

function purifierFor(win: typeof window): DOMPurify {
  let purifier = instances.get(win);
  if (purifier === undefined) {
    purifier = createDOMPurify(win);
    if (!purifier.isSupported) throw new Error('sanitize: DOMPurify is not supported in this window');
    purifier.setConfig(PURIFY_CONFIG);
    addSanitizeHooks(purifier, () => currentBaseUrl);
    instances.set(win, purifier);
  }
  return purifier;
}

/**
 * Makes feed HTML safe to render with dangerouslySetInnerHTML, with the one DOMPurify
 * configuration (see purify-config.ts). Needs a DOM: call it in extension pages, at render time.
 * Throws rather than ever returning unsanitized HTML.
 */
export function sanitizeHtml(html: string, opts: SanitizeOptions = {}): string {
  if (typeof window === 'undefined') throw new Error('sanitize: sanitizeHtml needs a DOM (an extension page)');
  const purifier = purifierFor(window);
  // DOMPurify runs synchronously, so this per-call value cannot leak into another call.
  currentBaseUrl = opts.baseUrl;
  try {
    return purifier.sanitize(html);
  } finally {
    currentBaseUrl = undefined;
  }
}

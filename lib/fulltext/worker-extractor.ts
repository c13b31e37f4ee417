/**
 * Where the worker extracts articles. Firefox runs Orrery's background as an event page,
 * which has a DOM: extraction runs right there. Chrome's service worker has no DOMParser:
 * an offscreen document (reason DOM_PARSER) does it. The same code extracts in both
 * (lib/fulltext/extract-article.ts); only the place differs.
 */
import { browser } from 'wxt/browser';
import { extractFromHtml } from './extract-article';
import type { Extractor } from './load-article';
import { offscreenExtractor } from './offscreen-extractor';

/** The extractor for this build's background. */
export function workerExtractor(): Extractor {
  // A build-time constant: Chrome's worker bundle does not carry Readability, Firefox's does.
  if (import.meta.env.FIREFOX) return (html, url) => Promise.resolve(extractFromHtml(html, url, new DOMParser()));
  return offscreenExtractor(
    {
      createDocument: (p) => browser.offscreen.createDocument({ ...p, reasons: ['DOM_PARSER'] }),
      closeDocument: () => browser.offscreen.closeDocument(),
      hasDocument: async () => (await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length > 0,
      sendMessage: (m) => browser.runtime.sendMessage(m),
    },
    '/offscreen.html',
  );
}

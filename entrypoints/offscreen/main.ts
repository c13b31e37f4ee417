/**
 * Chrome's offscreen document (reason DOM_PARSER): extracts articles for the service
 * worker, which has no DOMParser. Wiring only: answers the one message meant for it.
 */
import { browser } from 'wxt/browser';
import { extractFromHtml } from '../../lib/fulltext/extract-article';
import { isOffscreenRequest } from '../../lib/fulltext/offscreen-extractor';

browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Every page's message to the worker reaches this document too: only ours is answered,
  // and only from Orrery itself (not a content script in a web page).
  if (!isOffscreenRequest(message) || sender.tab || sender.id !== browser.runtime.id) return false;
  try {
    sendResponse(extractFromHtml(message.html, message.url, new DOMParser()));
  } catch (err) {
    sendResponse({ ok: false, reason: 'not-an-article', message: `the page could not be read (${err instanceof Error ? err.message : String(err)})` });
  }
  return false;
});

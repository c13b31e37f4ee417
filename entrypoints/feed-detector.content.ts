/** Finds the feeds a visited page offers and tells the background (nothing when there are none). */
import { browser } from 'wxt/browser';
import { feedsFromDocument } from '../lib/discovery/feeds-from-document';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    let last = '';
    const report = () => {
      const feeds = feedsFromDocument(document, location.href);
      const key = JSON.stringify(feeds);
      if (key === last) return;
      const hadFeeds = last !== '' && last !== '[]';
      last = key;
      if (feeds.length === 0 && !hadFeeds) return;
      void browser.runtime.sendMessage({ type: 'feeds-detected', feeds }).catch(() => undefined);
    };
    report();
    // Single-page sites change <head> without a new document: look again when they do.
    const observer = new MutationObserver(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(report, 500);
    });
    let timer = 0;
    observer.observe(document.head ?? document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href', 'rel', 'type'] });
  },
});

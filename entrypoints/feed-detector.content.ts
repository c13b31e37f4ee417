/** Finds the feeds a visited page offers and tells the background (nothing when there are none). */
import { browser } from 'wxt/browser';
import { watchPageFeeds } from '../lib/tab-feeds/watch-page-feeds';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    watchPageFeeds(window, (feeds) => {
      void browser.runtime.sendMessage({ type: 'feeds-detected', feeds }).catch(() => undefined);
    });
  },
});

/**
 * The content script (declared in wxt.config.ts): finds the feeds a visited page offers and
 * tells the background, nothing when there are none. An unlisted script, not WXT's content
 * script wrapper, because that wrapper announces itself to every page with a postMessage
 * carrying the extension id (to stop copies left by an update): pages must not see Orrery. An
 * orphaned copy stops itself instead, the first time it finds the extension gone.
 */
import { browser } from 'wxt/browser';
import type { DiscoveredFeed } from '../lib/discovery/types';
import { watchPageFeeds, type PageFeedsWatch } from '../lib/tab-feeds/watch-page-feeds';

/** What the popup sends to the tab: read the anchors too, and report now. */
const SCAN_ALL = 'scan-page-feeds';

export default defineUnlistedScript(() => {
  const alive = () => browser.runtime?.id !== undefined;
  const report = async (feeds: DiscoveredFeed[]) => {
    // Later than now: the first report comes from within watchPageFeeds, before `watch` is set.
    if (!alive()) return queueMicrotask(() => watch.stop());
    await browser.runtime.sendMessage({ type: 'feeds-detected', feeds, pageUrl: location.href }).catch(() => undefined);
  };
  let pending: Promise<void> = Promise.resolve();
  const watch: PageFeedsWatch = watchPageFeeds(window, (feeds) => {
    pending = report(feeds);
  });
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (r: { ok: boolean }) => void) => {
    if ((message as { type?: unknown } | null)?.type !== SCAN_ALL) return;
    watch.scanAll();
    // Answer once the background has the report, so the popup reads it next.
    void pending.then(() => sendResponse({ ok: true }));
    return true;
  });
});

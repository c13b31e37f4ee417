/**
 * The background listeners of the subscribing feature: tabs (detected feeds follow their page),
 * desktop notifications for new posts, and the periodic sync of Planets. Called synchronously at
 * every worker start, as MV3 requires.
 */
import type { WorkerDeps } from '../messaging/worker-deps';
import { browser } from 'wxt/browser';
import { createNotifier, noticeTarget, type Notifier } from '../notify/notify-new-posts';
import { loadSettings } from '../settings/settings-store';
import { webUrlOrUndefined } from '../util/web-url';
import { createPlanetStore } from './planet-store';
import { syncAllPlanets } from './planets';

/** The Planet sync alarm and its period (OPML lists change rarely). */
export const PLANET_ALARM = 'planet-sync';
const PLANET_PERIOD_MINUTES = 12 * 60;

/** What the listeners need from the background. */
export type ListenerDeps = WorkerDeps;

/** Registers the listeners; returns the notifier, to call after each poll. */
export function registerSubscribingListeners(deps: ListenerDeps): Notifier {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new address (a new document, or a single-page site's pushState): feeds of another page go.
    if (change.url !== undefined) void deps.tabFeeds.navigated(tabId, change.url);
    // A reload keeps the address: its content script reports again if the page still has feeds.
    else if (change.status === 'loading') void deps.tabFeeds.clear(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void deps.tabFeeds.clear(tabId));

  const notifier = createNotifier({
    db: deps.db,
    enabled: async () => (await loadSettings()).notifications,
    show: async (n) => {
      await browser.notifications.create(n.id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: n.title, message: n.message });
    },
  });
  browser.notifications.onClicked.addListener((id) => {
    const target = noticeTarget(id);
    if (!target) return;
    // Only an http(s) post link becomes a tab (checked again here: the id is only a string); otherwise the feed's river.
    const postUrl = webUrlOrUndefined(target.postUrl);
    void browser.tabs.create({ url: postUrl ?? browser.runtime.getURL(`/timeline.html#${new URLSearchParams({ feed: target.feedId })}`) });
    void browser.notifications.clear(id);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== PLANET_ALARM) return;
    void (async () => {
      const added = await syncAllPlanets({ db: await deps.db(), fetch: deps.fetch, now: deps.now, planets: createPlanetStore() });
      if (added) {
        void deps.poller.pollDue();
        await deps.refreshBadge();
      }
    })().catch((err: unknown) => console.error('[orrery:planet]', err));
  });
  // Created once, not at every start: re-creating it would push the next sync back each time.
  void browser.alarms.get(PLANET_ALARM).then(async (existing) => {
    if (!existing) await browser.alarms.create(PLANET_ALARM, { periodInMinutes: PLANET_PERIOD_MINUTES, delayInMinutes: 60 });
  });
  return notifier;
}

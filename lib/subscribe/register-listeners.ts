/**
 * The background listeners of the subscribing feature: desktop notifications for new posts
 * (an optional permission), and the periodic sync of Planets. Called synchronously at
 * every worker start, as MV3 requires.
 */
import type { WorkerDeps } from '../messaging/worker-deps';
import { browser } from 'wxt/browser';
import { canNotify } from '../notify/notification-permission';
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

/** What a click on one of Orrery's notifications opens. */
function openNotice(id: string): void {
  const target = noticeTarget(id);
  if (!target) return;
  // Only an http(s) post link becomes a tab (checked again here: the id is only a string); otherwise the feed's river.
  const postUrl = webUrlOrUndefined(target.postUrl);
  void browser.tabs.create({ url: postUrl ?? browser.runtime.getURL(`/timeline.html#${new URLSearchParams({ feed: target.feedId })}`) });
  void browser.notifications.clear(id);
}

/** Registers the listeners; returns the notifier, to call after each poll. */
export function registerSubscribingListeners(deps: ListenerDeps): Notifier {
  const notifier = createNotifier({
    db: deps.db,
    // The permission is optional: the reader may have turned the setting on and later revoked it.
    enabled: async () => (await loadSettings()).notifications && (await canNotify()),
    show: async (n) => {
      await browser.notifications.create(n.id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: n.title, message: n.message });
    },
  });
  // The notifications API exists only once granted: listen now if it is, or as soon as it is.
  let listening = false;
  const listenToClicks = () => {
    if (listening || !browser.notifications) return;
    listening = true;
    browser.notifications.onClicked.addListener(openNotice);
  };
  listenToClicks();
  browser.permissions.onAdded.addListener(listenToClicks);

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

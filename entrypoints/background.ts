/**
 * The background service worker: wiring only. Listeners are registered synchronously at
 * every start, because MV3 may stop the worker at any time and wake it for an event.
 */
import { browser } from 'wxt/browser';
import { updateBadge } from '../lib/badge/update-badge';
import { openOrreryDb } from '../lib/db/open-db';
import { runRiverBackfill } from '../lib/db/river-backfill';
import { keepAwakeWhile } from '../lib/util/keep-awake';
import { createHandlers } from '../lib/messaging/handlers';
import { announceChange } from '../lib/messaging/changes';
import { createChangePublisher } from '../lib/messaging/change-publisher';
import { dispatch } from '../lib/messaging/dispatch';
import { createPoller } from '../lib/poll/create-poller';
import { createReaderGate, installReaderGate, READERS_CHANNEL } from '../lib/poll/reader-gate';
import { watchOpeningPages } from '../lib/poll/opening-pages';
import { createHostLimiter } from '../lib/poll/host-limiter';
import { limitedFetch } from '../lib/poll/limited-fetch';
import { createRedirectLog } from '../lib/poll/redirect-log';
import { OPEN_TIMELINE_COMMAND, openTimeline } from '../lib/commands/open-timeline';
import { createWakeAlarm, POLL_ALARM } from '../lib/poll/wake-alarm';
import { loadSettings, onSettingsChange } from '../lib/settings/settings-store';
import { rescheduleForBounds } from '../lib/poll/reschedule-bounds';
import { getFeedByUrl } from '../lib/db/feeds';
import { createArticleLoader } from '../lib/fulltext/article-loader';
import { createHostBackoff } from '../lib/fulltext/host-backoff';
import { workerExtractor } from '../lib/fulltext/worker-extractor';
import { polledChange } from '../lib/messaging/stored-change';
import { registerSubscribingListeners } from '../lib/subscribe/register-listeners';
import { createTabFeeds } from '../lib/tab-feeds/tab-feeds';
import { watchHiddenTabFeeds } from '../lib/tab-feeds/hidden-tab-feeds';
import { createSync, SYNC_ALARM } from '../lib/sync/create-sync';
import { createSyncHandlers } from '../lib/sync/sync-handlers';
import { withSyncHooks } from '../lib/sync/sync-hooks';
import { mergeUnlinkedCopies } from '../lib/sync/merge-unlinked-copies';
import { createBrowserSync } from '../lib/sync/create-browser-sync';
import { waitForNetError } from '../lib/sync/wait-net-error';
import { withBrowserSyncHooks } from '../lib/sync/browser-sync-hooks';
import { isDocKey } from '../lib/sync/browser-sync-codec';

export default defineBackground(() => {
  const db = () => openOrreryDb();
  const now = () => Date.now();
  // After each of hundreds of polls only the latest count matters: one coalesced broadcast of
  // what changed, and a recount only when posts did.
  const changes = createChangePublisher({
    announce: announceChange,
    updateBadge: async () => void (await updateBadge(await db(), (await loadSettings()).badge)),
  });
  const refreshBadge = changes.all;
  // Pages opened during a refresh say when they read their first screen: commits wait for them (briefly).
  const readers = createReaderGate();
  installReaderGate(readers);
  new BroadcastChannel(READERS_CHANNEL).onmessage = (e: MessageEvent) => readers.take(e.data);
  // Every request of the worker (polls, previews, probes, Planet syncs) shares one limiter:
  // one request at a time per host, six in all, bodies included.
  const politeFetch = limitedFetch((input, init) => fetch(input, init), createHostLimiter({ perHost: 1, global: 6 }));
  // fetch() hides whether a redirect was 301 or 302; webRequest tells us (the worker's own requests have tabId -1).
  // The filter keeps the browser from waking the worker for the reader's browsing: fetch() is an
  // 'xmlhttprequest' (tab navigations are not), and Firefox honours tabId -1 (Chrome reads -1 as any tab).
  const ownRequests = { urls: ['http://*/*', 'https://*/*'], types: ['xmlhttprequest' as const], tabId: -1 };
  const redirects = createRedirectLog();
  browser.webRequest.onBeforeRedirect.addListener(
    (d) => {
      if (d.tabId !== -1) return;
      redirects.prune(Date.now());
      redirects.record({ from: d.url, to: d.redirectUrl, status: d.statusCode, at: Date.now() });
    },
    ownRequests,
  );
  // fetch() says only "Failed to fetch"; the browser's own error tells DNS, certificate or a redirect loop apart.
  browser.webRequest.onErrorOccurred.addListener(
    (d) => {
      if (d.tabId !== -1) return;
      redirects.recordError({ url: d.url, error: d.error, at: Date.now() });
    },
    ownRequests,
  );
  // One alarm, at the next due feed (gathering those due a few minutes later), not a tick a minute.
  const planWake = createWakeAlarm({
    db,
    now,
    settings: async () => ({ maxIntervalMs: (await loadSettings()).maxIntervalMinutes * 60_000 }),
    alarms: browser.alarms,
  });
  // Full articles: pages fetched through the same polite fetch, extracted where a DOM is.
  const articles = createArticleLoader({
    db,
    fetch: politeFetch,
    now,
    extract: workerExtractor(),
    backoff: createHostBackoff(),
    onStored: (feedId) => announceChange(polledChange(feedId, true)),
  });
  const poller = createPoller({
    db,
    planWake,
    redirects,
    settings: async () => {
      const s = await loadSettings();
      return {
        retention: { keepPosts: s.keepPostsPerFeed, keepDays: s.keepDays },
        minIntervalMs: s.minIntervalMinutes * 60_000,
        maxIntervalMs: s.maxIntervalMinutes * 60_000,
      };
    },
    fetch: politeFetch,
    now,
    // Where a feed's status goes when IndexedDB is full: extension storage is a separate store.
    failureStore: browser.storage.local,
    // While polls run, a tab that starts loading an Orrery page holds them from its first
    // moment, not from when its HTML's script runs. Listened to only then: tab events at top
    // level would wake the worker for every tab the reader loads.
    whileRunning: () =>
      watchOpeningPages({
        tabs: browser.tabs,
        gate: readers,
        pages: (['/timeline.html', '/popup.html', '/options.html'] as const).map((p) => browser.runtime.getURL(p)),
      }),
    onChange: (result) => {
      void changes.polled(result).catch((err: unknown) => console.error('[orrery:badge]', err));
      // Only a poll that added posts can have something to notify.
      if (result.commit?.added) {
        void notifier.check();
        // "Always load full articles" feeds: the new posts' pages (the loader checks the feed's setting).
        void articles.loadFeed(result.feedId).catch((err: unknown) => console.error('[orrery:fulltext]', err));
        // A feed synced until a disconnect holds the service's copies of the posts just polled.
        void db()
          .then((d) => mergeUnlinkedCopies(d, result.feedId))
          .then((merged) => (merged ? refreshBadge() : undefined))
          .catch((err: unknown) => console.error('[orrery:sync]', err));
      }
    },
  });
  const tabFeeds = createTabFeeds({ isSubscribed: async (url) => (await getFeedByUrl(await db(), url)) !== undefined });
  // Tabs, notifications for new posts, Planet sync.
  const notifier = registerSubscribingListeners({ db, fetch: politeFetch, now, poller, refreshBadge, tabFeeds });
  // Firefox saves a feed served as Atom or RSS, and shows JSON in a viewer no content script
  // enters: such feeds are offered on their tab all the same.
  if (import.meta.env.FIREFOX) watchHiddenTabFeeds({ fetch: politeFetch, tabFeeds });
  // Sync with a Google Reader API service: its own alarm, queue in IndexedDB, account in storage.local.
  const sync = createSync({
    db,
    fetch: politeFetch,
    now,
    storage: browser.storage.local,
    alarms: browser.alarms,
    // The browser's report of a failed request may come after fetch rejected: wait for it a moment.
    networkCause: (url, since) => waitForNetError((u, s) => redirects.errorFor(u, s), url, since),
    retention: async () => {
      const s = await loadSettings();
      return { keepPosts: s.keepPostsPerFeed, keepDays: s.keepDays };
    },
    onChange: () => {
      void refreshBadge().catch((err: unknown) => console.error('[orrery:badge]', err));
      browserSync.soon();
    },
    onUnlinked: () => void poller.pollDue(),
  });
  // The browser's own sync of the subscription list (storage.sync): merged after local changes,
  // when another browser's items arrive, and at every start; new feeds are polled as they come due.
  const browserSync = createBrowserSync({
    db,
    sync: browser.storage.sync,
    local: browser.storage.local,
    now,
    onApplied: () => {
      void refreshBadge().catch((err: unknown) => console.error('[orrery:badge]', err));
      void poller.pollDue();
      void sync.isConnected().then((connected) => connected && sync.soon());
    },
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && Object.keys(changes).some(isDocKey)) browserSync.soon();
  });
  const handlers = withSyncHooks(
    {
      ...createHandlers({
        articles,
        db,
        fetch: politeFetch,
        now,
        poller,
        refreshBadge,
        tabFeeds,
      }),
      ...createSyncHandlers(sync, browserSync),
    },
    { db, now, sync },
  );
  const withBrowserSync = withBrowserSyncHooks(handlers, browserSync);
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void dispatch(withBrowserSync, message, sender, self).then(sendResponse);
    return true;
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) {
      void poller.pollDue();
      // A permanent redirect found by a poll moves the subscription: the other browsers follow.
      browserSync.soon();
    }
    if (alarm.name === SYNC_ALARM) void sync.run('alarm');
  });

  browser.commands.onCommand.addListener((command) => {
    if (command !== OPEN_TIMELINE_COMMAND) return;
    void openTimeline({ timelineUrl: browser.runtime.getURL('/timeline.html'), tabs: browser.tabs, windows: browser.windows }).catch((err: unknown) => console.error('[orrery:commands]', err));
  });

  onSettingsChange((after, before) => {
    void refreshBadge().catch((err: unknown) => console.error('[orrery:badge]', err));
    // New interval bounds move the feeds already scheduled; the longest also bounds the wait for the next wake.
    const bounds = (s: typeof after) => ({ minIntervalMs: s.minIntervalMinutes * 60_000, maxIntervalMs: s.maxIntervalMinutes * 60_000 });
    void db()
      .then((d) => rescheduleForBounds(d, bounds(before), bounds(after), now()))
      .then((moved) => (moved.length ? announceChange({ all: false, feeds: moved, posts: [] }) : undefined))
      .catch((err: unknown) => console.error('[orrery:poll] rescheduling for the new intervals failed', err))
      .finally(() => void poller.planWake());
  });
  // A browser update may clear alarms: the browser's start wakes the worker, which plans anew below.
  browser.runtime.onStartup.addListener(() => void poller.pollDue());

  // Every start: show the count, resume any interrupted refresh; the run's end sets the next wake.
  void refreshBadge().catch((err: unknown) => console.error('[orrery:badge]', err));
  void poller.pollDue();
  void sync.ensureAlarm();
  browserSync.soon();
  // Posts stored before schema v6 get their keys in the river's index, a short batch at a time,
  // each after any page reading its first screen; a worker stopped midway resumes here at its next wake.
  // Opening may run the upgrade itself; both can outlast Chrome's 30 s idle limit on a large store.
  void keepAwakeWhile(
    db().then((d) => runRiverBackfill(d, { clear: () => readers.clear() })),
    () => browser.runtime.getPlatformInfo(),
  ).catch((err: unknown) => console.error('[orrery:db]', err));
});

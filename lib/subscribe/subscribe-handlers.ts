/** The background's handlers for subscribing: previews, confirming, managing, OPML, Planets, tab feeds. */
import { t } from '../i18n/t';
import type { WorkerDeps } from '../messaging/worker-deps';
import { getFeedByUrl, removeFeedForUndo, restoreFeed, updateFeed } from '../db/feeds';
import { candidateFeedUrls } from '../discovery/candidate-feed-urls';
import type { DiscoveredFeed } from '../discovery/types';
import type { Handlers } from '../messaging/handlers';
import { browser } from 'wxt/browser';
import { hasHostAccess } from '../permissions/host-access';
import { reportedPageUrl, sanitizeDetected } from '../tab-feeds/sanitize-detected';
import { confirmSubscription } from './confirm-subscription';
import { importOpml } from './import-opml';
import { postImportProgress } from './import-progress';
import type { PlanetStore } from './planet-store';
import { importOpmlFromUrl, syncPlanet } from './planets';
import type { PreviewCache } from './preview-cache';
import { previewUrl, type PreviewDeps } from './preview-url';
import { probeCandidates } from './probe-candidates';
import { checkRemovedFeed } from './check-removed-feed';
import { subscribeToUrl } from './subscribe-url';

/** What these handlers need. */
export interface SubscribingDeps extends WorkerDeps {
  previews: PreviewCache;
  planets: PlanetStore;
}

/** The message types handled here. */
export type SubscribingType =
  | 'subscribe'
  | 'preview-feed'
  | 'confirm-subscribe'
  | 'unsubscribe'
  | 'restore-feed'
  | 'update-feed'
  | 'import-opml'
  | 'import-opml-url'
  | 'list-planets'
  | 'sync-planet'
  | 'forget-planet'
  | 'get-tab-feeds'
  | 'feeds-detected'
  | 'probe-tab';

/** Builds the handlers of the subscribing feature. */
export function createSubscribingHandlers(deps: SubscribingDeps): Pick<Handlers, SubscribingType> {
  const previewDeps = async (): Promise<PreviewDeps> => ({
    db: await deps.db(),
    fetch: deps.fetch,
    now: deps.now,
    previews: deps.previews,
    hostAccess: (url) => hasHostAccess(browser.permissions, url),
  });
  const planetDeps = async (importId?: string) => ({
    db: await deps.db(),
    fetch: deps.fetch,
    now: deps.now,
    planets: deps.planets,
    ...(importId ? { onProgress: (done: number, total: number) => postImportProgress({ importId, done, total }) } : {}),
  });
  /** After a subscription changed: the wake alarm, badge, open pages, and every tab's feed indicator. */
  const changed = async () => {
    void deps.poller.planWake();
    await deps.refreshBadge();
    await deps.tabFeeds.refreshAll().catch(() => undefined);
  };
  return {
    subscribe: async (req) => {
      const r = await subscribeToUrl(req.url, { ...(req.title ? { title: req.title } : {}), ...(req.folder ? { folder: req.folder } : {}) }, await previewDeps());
      if (!r.ok) return r;
      await changed();
      return { ok: true, feedId: r.feedId, title: r.title, preview: r.preview };
    },
    'preview-feed': async (req) => previewUrl(req.url, await previewDeps(), { probe: req.probe === true }),
    'confirm-subscribe': async (req) => {
      const r = await confirmSubscription(
        { url: req.url, ...(req.token ? { token: req.token } : {}), ...(req.title ? { title: req.title } : {}), ...(req.folder ? { folder: req.folder } : {}) },
        await previewDeps(),
      );
      if (r.ok) await changed();
      return r;
    },
    unsubscribe: async (req) => {
      const removed = await removeFeedForUndo(await deps.db(), req.feedId);
      await changed();
      return removed ? { ok: true, removed } : { ok: false };
    },
    'restore-feed': async (req) => {
      const checked = checkRemovedFeed(req.removed);
      if (!checked.ok) return checked;
      const db = await deps.db();
      if (!(await restoreFeed(db, checked.removed))) {
        const again = await getFeedByUrl(db, checked.removed.feed.url);
        return { ok: false, error: again ? t('error_resubscribed', { title: again.title }) : t('error_notRestored') };
      }
      await changed();
      return { ok: true };
    },
    'update-feed': async (req) => {
      const feed = await updateFeed(await deps.db(), req.feedId, req.changes, deps.now());
      if (!feed) return { ok: false, error: t('error_noSubscription') };
      // A shorter interval may make the feed due now: let the poller look.
      // (The run ends by moving the wake alarm.)
      if (req.changes.overrideMinutes !== undefined) void deps.poller.pollDue();
      await deps.refreshBadge();
      return { ok: true };
    },
    'import-opml': async (req) => {
      const result = await importOpml(await deps.db(), req.text, {
        now: deps.now(),
        ...(req.importId ? { onProgress: (done: number, total: number) => postImportProgress({ importId: req.importId ?? '', done, total }) } : {}),
      });
      if (!result.ok) return result;
      void deps.poller.pollDue();
      await changed();
      return { ok: true, report: result.report };
    },
    'import-opml-url': async (req) => {
      const result = await importOpmlFromUrl(req.url, req.keepInSync, await planetDeps(req.importId));
      if (result.ok) {
        void deps.poller.pollDue();
        await changed();
      }
      return result;
    },
    'list-planets': () => deps.planets.list(),
    'sync-planet': async (req) => {
      const planet = (await deps.planets.list()).find((p) => p.url === req.url);
      if (!planet) return { ok: false, error: t('error_notFollowing') };
      const r = await syncPlanet(planet, await planetDeps());
      if (r.ok && r.summary.added > 0) void deps.poller.pollDue();
      await changed();
      return r;
    },
    'forget-planet': async (req) => ({ ok: await deps.planets.remove(req.url) }),
    'get-tab-feeds': async (req) => (await deps.tabFeeds.current(req.tabId))?.feeds ?? [],
    'feeds-detected': async (req, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.url === undefined) return { ok: false };
      const pageUrl = reportedPageUrl(req.pageUrl, sender.url);
      await deps.tabFeeds.report(tabId, pageUrl, sanitizeDetected(req.feeds, pageUrl));
      return { ok: true };
    },
    'probe-tab': async (req) => {
      const record = await deps.tabFeeds.current(req.tabId);
      const pageUrl = record?.pageUrl ?? (await deps.tabFeeds.tabUrl(req.tabId));
      if (!pageUrl || !/^https?:/i.test(pageUrl)) return { ok: false, error: t('error_noSiteInTab') };
      const known = new Set((record?.feeds ?? []).map((f) => f.url));
      const hits = await probeCandidates(candidateFeedUrls(pageUrl), { fetch: deps.fetch }, { skip: known });
      const found: DiscoveredFeed[] = hits.map((h) => {
        deps.previews.put({ requestedUrl: h.requestedUrl, out: h.out, feed: h.feed, fetchedAt: deps.now() });
        return { url: h.requestedUrl, title: h.feed.title, type: h.feed.format, source: 'probe' };
      });
      await deps.tabFeeds.addFound(req.tabId, pageUrl, found);
      return { ok: true, feeds: (await deps.tabFeeds.get(req.tabId))?.feeds ?? found, found: found.length };
    },
  };
}

/**
 * Feeds detected on each tab, and the toolbar button that tells about them. Kept in
 * storage.session, not in a module variable, because the worker may be stopped between the
 * content script's report and the popup asking for it.
 */
import { browser } from 'wxt/browser';
import type { DiscoveredFeed } from '../discovery/types';
import { DEFAULT_ICON_PATHS, feedIconImages } from './feed-icon';

/** What one tab offers. */
export interface TabFeedsRecord {
  /** The page the feeds were found on (a single-page site changes it without reloading). */
  pageUrl: string;
  feeds: DiscoveredFeed[];
}

/** The toolbar's default title; a tab without feeds keeps it. */
export const DEFAULT_TITLE = 'Orrery';

const PREFIX = 'tab-feeds:';
const key = (tabId: number): string => `${PREFIX}${tabId}`;

/** What the service needs: which feed URLs are subscribed. */
export interface TabFeedsDeps {
  isSubscribed: (url: string) => Promise<boolean>;
}

/** Per-tab feeds and the toolbar button's state for each tab. */
export interface TabFeeds {
  /** A content script's report for the page `pageUrl` of a tab (empty: no feeds any more). */
  report(tabId: number, pageUrl: string, feeds: DiscoveredFeed[]): Promise<void>;
  /** Adds feeds found by probing well-known addresses. */
  addFound(tabId: number, pageUrl: string, feeds: DiscoveredFeed[]): Promise<void>;
  get(tabId: number): Promise<TabFeedsRecord | undefined>;
  /** The tab went to `url`: forget feeds of any other page. */
  navigated(tabId: number, url: string): Promise<void>;
  clear(tabId: number): Promise<void>;
  /** Re-evaluates every tab's button (after subscribing or unsubscribing). */
  refreshAll(): Promise<void>;
  /** The address a tab shows (undefined for a closed tab). */
  tabUrl(tabId: number): Promise<string | undefined>;
}

/** The title for a tab: how many of its feeds are not subscribed yet. */
export function tabTitle(total: number, unsubscribed: number): string {
  if (total === 0) return DEFAULT_TITLE;
  if (unsubscribed === 0) return total === 1 ? 'Orrery: you follow this page’s feed' : `Orrery: you follow this page’s ${total} feeds`;
  return `Orrery: ${unsubscribed} feed${unsubscribed === 1 ? '' : 's'} on this page`;
}

/** Creates the service. */
export function createTabFeeds(deps: TabFeedsDeps): TabFeeds {
  const session = browser.storage.session;

  async function get(tabId: number): Promise<TabFeedsRecord | undefined> {
    const got = (await session.get(key(tabId)))[key(tabId)] as TabFeedsRecord | undefined;
    return got && Array.isArray(got.feeds) ? got : undefined;
  }

  async function show(tabId: number, feeds: DiscoveredFeed[]): Promise<void> {
    const subscribed = await Promise.all(feeds.map((f) => deps.isSubscribed(f.url)));
    const unsubscribed = subscribed.filter((s) => !s).length;
    // Only this tab changes; the unread badge stays as it is.
    await browser.action.setTitle({ tabId, title: tabTitle(feeds.length, unsubscribed) });
    const marked = unsubscribed > 0 ? await feedIconImages() : undefined;
    if (marked) await browser.action.setIcon({ tabId, imageData: marked as Record<string, ImageData> });
    else await browser.action.setIcon({ tabId, path: DEFAULT_ICON_PATHS });
  }

  async function store(tabId: number, record: TabFeedsRecord): Promise<void> {
    if (record.feeds.length === 0) return clear(tabId);
    await session.set({ [key(tabId)]: record });
    await show(tabId, record.feeds).catch(quietIfTabGone);
  }

  async function clear(tabId: number): Promise<void> {
    await session.remove(key(tabId));
    await browser.action.setTitle({ tabId, title: DEFAULT_TITLE }).catch(() => undefined);
    await browser.action.setIcon({ tabId, path: DEFAULT_ICON_PATHS }).catch(() => undefined);
  }

  return {
    get,
    clear,
    async report(tabId, pageUrl, feeds) {
      const old = await get(tabId);
      // Feeds found by a probe of this same page stay; the page's own list replaces the rest.
      const probed = old && withoutHash(old.pageUrl) === withoutHash(pageUrl) ? old.feeds.filter((f) => f.source === 'probe' && !feeds.some((n) => n.url === f.url)) : [];
      await store(tabId, { pageUrl, feeds: [...feeds, ...probed] });
    },
    async addFound(tabId, pageUrl, found) {
      const old = await get(tabId);
      const base = old && withoutHash(old.pageUrl) === withoutHash(pageUrl) ? old.feeds : [];
      await store(tabId, { pageUrl, feeds: [...base, ...found.filter((f) => !base.some((b) => b.url === f.url))] });
    },
    async navigated(tabId, url) {
      const old = await get(tabId);
      // A new #fragment is the same page (and its content script says nothing new).
      if (old && withoutHash(old.pageUrl) !== withoutHash(url)) await clear(tabId);
    },
    async tabUrl(tabId) {
      return (await browser.tabs.get(tabId).catch(() => undefined))?.url;
    },
    async refreshAll() {
      const all = await session.get(null);
      for (const [k, v] of Object.entries(all)) {
        if (!k.startsWith(PREFIX)) continue;
        const record = v as TabFeedsRecord;
        await show(Number(k.slice(PREFIX.length)), record.feeds).catch(quietIfTabGone);
      }
    },
  };
}

function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}

/** A tab closed meanwhile is normal; anything else is a bug worth seeing. */
function quietIfTabGone(err: unknown): void {
  if (!/no tab with id|invalid tab id/i.test(String(err))) console.error('[orrery:tab-feeds]', err);
}

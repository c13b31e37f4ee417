/**
 * Feeds detected on each tab, and the toolbar button that tells about them. Kept in
 * storage.session, not in a module variable, because the worker may be stopped between the
 * content script's report and the popup asking for it. No tab events are listened to (each
 * would wake the worker at every page the reader opens): the browser resets a tab's button when
 * it loads another page, and a record is used only while its tab still shows that page.
 */
import { tn } from '../i18n/t';
import { browser } from 'wxt/browser';
import type { DiscoveredFeed } from '../discovery/types';
import { DEFAULT_ICON_PATHS, feedIconImages } from './feed-icon';

/** What one tab offers. */
export interface TabFeedsRecord {
  /** The page the feeds were found on (a single-page site changes it without reloading). */
  pageUrl: string;
  feeds: DiscoveredFeed[];
}

/** The toolbar's default title, the brand's name in every language; a tab without feeds keeps it. */
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
  /** The record, only while the tab still shows the page it was made for (a stale one is dropped). */
  current(tabId: number): Promise<TabFeedsRecord | undefined>;
  clear(tabId: number): Promise<void>;
  /** Re-evaluates every tab's button (after subscribing or unsubscribing). */
  refreshAll(): Promise<void>;
  /** Shows a tab's button again from its record, while the tab still shows that page (the browser may have reset it). */
  refresh(tabId: number): Promise<void>;
  /** The address a tab shows (undefined for a closed tab). */
  tabUrl(tabId: number): Promise<string | undefined>;
}

/** The title for a tab: how many of its feeds are not subscribed yet. */
export function tabTitle(total: number, unsubscribed: number): string {
  if (total === 0) return DEFAULT_TITLE;
  if (unsubscribed === 0) return tn('worker_titleFollowed', total);
  return tn('worker_titleFeeds', unsubscribed);
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
    await forgetClosedTabs();
  }

  async function tabUrl(tabId: number): Promise<string | undefined> {
    return (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  }

  async function current(tabId: number): Promise<TabFeedsRecord | undefined> {
    const record = await get(tabId);
    if (!record) return undefined;
    const url = await tabUrl(tabId);
    if (url !== undefined && withoutHash(url) === withoutHash(record.pageUrl)) return record;
    await session.remove(key(tabId));
    return undefined;
  }

  /** Records of closed tabs go when another is stored (not on tab events, which would wake the worker). */
  async function forgetClosedTabs(): Promise<void> {
    const open = new Set((await browser.tabs.query({})).map((t) => t.id));
    const gone = Object.keys(await session.get(null)).filter((k) => k.startsWith(PREFIX) && !open.has(Number(k.slice(PREFIX.length))));
    if (gone.length > 0) await session.remove(gone);
  }

  async function refresh(tabId: number): Promise<void> {
    // A tab now on another page has the browser's default button: leave it so.
    const record = await current(tabId);
    if (record) await show(tabId, record.feeds).catch(quietIfTabGone);
  }

  async function clear(tabId: number): Promise<void> {
    await session.remove(key(tabId));
    await browser.action.setTitle({ tabId, title: DEFAULT_TITLE }).catch(() => undefined);
    await browser.action.setIcon({ tabId, path: DEFAULT_ICON_PATHS }).catch(() => undefined);
  }

  return {
    get,
    current,
    clear,
    tabUrl,
    refresh,
    async report(tabId, pageUrl, feeds) {
      const old = await get(tabId);
      // Feeds found by a probe of this same page, or saved by the browser from it, stay; the
      // page's own list (which cannot see them) replaces the rest.
      const kept = (f: DiscoveredFeed) => (f.source === 'probe' || f.source === 'download') && !feeds.some((n) => n.url === f.url);
      const probed = old && withoutHash(old.pageUrl) === withoutHash(pageUrl) ? old.feeds.filter(kept) : [];
      await store(tabId, { pageUrl, feeds: [...feeds, ...probed] });
    },
    async addFound(tabId, pageUrl, found) {
      const old = await get(tabId);
      const base = old && withoutHash(old.pageUrl) === withoutHash(pageUrl) ? old.feeds : [];
      await store(tabId, { pageUrl, feeds: [...base, ...found.filter((f) => !base.some((b) => b.url === f.url))] });
    },
    async refreshAll() {
      const all = await session.get(null);
      for (const k of Object.keys(all)) {
        if (k.startsWith(PREFIX)) await refresh(Number(k.slice(PREFIX.length)));
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

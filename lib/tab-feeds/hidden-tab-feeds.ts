/**
 * Feeds a tab opened that no content script can see, in Firefox: a feed served as
 * application/atom+xml or application/rss+xml is downloaded instead of shown (the tab keeps the
 * page it was on), and a JSON document is shown by the JSON viewer (on by default), where content
 * scripts do not run. The background sees the tab's response type in webRequest.onHeadersReceived
 * and offers the feed on that tab; a JSON document is read once (politely) to tell a JSON Feed.
 * Firefox resets a tab's toolbar button when the tab shows a new document, which for the JSON
 * viewer may come after the offer: the button is shown again once such a tab has loaded.
 */
import { browser } from 'wxt/browser';
import { looksLikeRawFeed } from '../discovery/looks-like-raw-feed';
import type { DiscoveredFeed } from '../discovery/types';
import { parseWebUrl } from '../util/web-url';
import type { TabFeeds } from './tab-feeds';

/** Types Firefox saves rather than shows, and the format each names. */
const DOWNLOADED_TYPES: Readonly<Record<string, DiscoveredFeed['type']>> = {
  'application/atom+xml': 'atom',
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rdf',
};

/** Types the JSON viewer takes over. */
const JSON_TYPES = new Set(['application/json', 'application/feed+json', 'text/json']);

/**
 * Addresses the listener hears: those that look like a feed's, so an ordinary navigation does not
 * wake the background (match patterns allow wildcards anywhere in the path).
 */
export const FEEDLIKE_URLS: readonly string[] = ['*://*/*feed*', '*://*/*rss*', '*://*/*atom*', '*://*/*.xml*', '*://*/*.rdf*', '*://*/*.json*', '*://*/*syndication*'];

/** What onHeadersReceived tells about a response (the fields used). */
export interface ResponseDetails {
  url: string;
  type: string;
  tabId: number;
  statusCode: number;
  responseHeaders?: { name: string; value?: string }[];
}

/** What a tab's response is to Orrery: a feed it will not show, a JSON document to read, or nothing. */
export type HiddenFeed = { kind: 'feed'; feed: DiscoveredFeed } | { kind: 'json'; url: string } | undefined;

/** Classifies a tab's top-level response by its headers. */
export function hiddenFeedOfResponse(details: ResponseDetails): HiddenFeed {
  if (details.type !== 'main_frame' || details.tabId < 0 || details.statusCode < 200 || details.statusCode > 299) return undefined;
  const url = parseWebUrl(details.url);
  if (!url) return undefined;
  const header = (name: string) => details.responseHeaders?.find((h) => h.name.toLowerCase() === name)?.value ?? '';
  // Content-Disposition: attachment is a download by the publisher's choice, not a page to read.
  if (/^\s*attachment/i.test(header('content-disposition'))) return undefined;
  const mime = header('content-type').split(';')[0]!.trim().toLowerCase();
  const type = Object.hasOwn(DOWNLOADED_TYPES, mime) ? DOWNLOADED_TYPES[mime] : undefined;
  if (type) return { kind: 'feed', feed: { url: url.href, type, source: 'download' } };
  return JSON_TYPES.has(mime) ? { kind: 'json', url: url.href } : undefined;
}

/** The JSON Feed `text` is (named by its title), or undefined for any other JSON. */
export function jsonFeedOf(url: string, text: string): DiscoveredFeed | undefined {
  if (!looksLikeRawFeed('application/json', text.slice(0, 4096))) return undefined;
  let title: unknown;
  try {
    title = (JSON.parse(text) as { title?: unknown }).title;
  } catch {
    // Too broken to name here; the real parser decides when the reader previews it.
  }
  return { url, ...(typeof title === 'string' && title.trim() ? { title: title.trim().slice(0, 200) } : {}), type: 'json', source: 'self' };
}

/** What the watcher needs: the polite fetch of the worker and the per-tab feeds. */
export interface HiddenTabFeedsDeps {
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  tabFeeds: Pick<TabFeeds, 'addFound' | 'tabUrl' | 'refresh'>;
}

/** Offers on its tab each feed the browser downloads or hides in its JSON viewer (call at every background start; Firefox builds). */
export function watchHiddenTabFeeds({ fetch, tabFeeds }: HiddenTabFeedsDeps): void {
  const offer = async (tabId: number, feed: DiscoveredFeed, sameAsTab: boolean) => {
    // A downloaded feed leaves the tab on the page it was on: the offer belongs to that page.
    const pageUrl = sameAsTab ? feed.url : await tabFeeds.tabUrl(tabId);
    if (pageUrl) await tabFeeds.addFound(tabId, pageUrl, [feed]);
  };
  browser.webRequest.onHeadersReceived.addListener(
    (details) => {
      const hidden = hiddenFeedOfResponse(details);
      if (hidden?.kind === 'feed') void offer(details.tabId, hidden.feed, false).catch((err: unknown) => console.error('[orrery:tab-feeds]', err));
      if (hidden?.kind === 'json') {
        void fetch(hidden.url, { credentials: 'omit', cache: 'no-store' })
          .then(async (res) => (res.ok ? jsonFeedOf(hidden.url, await res.text()) : undefined))
          .then((feed) => (feed ? offer(details.tabId, feed, true) : undefined))
          // Unreachable a second time, or not JSON after all: nothing to offer.
          .catch(() => undefined);
      }
      return undefined;
    },
    { urls: [...FEEDLIKE_URLS], types: ['main_frame'] },
    ['responseHeaders'],
  );
  // The offer is made from the response's headers, often before the tab shows the JSON viewer's
  // document, and Firefox resets the tab's button when it does: show it again once the tab has
  // loaded. Filtered (a Firefox extension of tabs.onUpdated) so that only tabs on feed-like
  // addresses wake the background, as the webRequest filter above.
  const onUpdated = browser.tabs.onUpdated as unknown as FilteredTabsOnUpdated;
  onUpdated.addListener(
    (tabId, change) => {
      if (change.status === 'complete') void tabFeeds.refresh(tabId).catch((err: unknown) => console.error('[orrery:tab-feeds]', err));
    },
    { urls: [...FEEDLIKE_URLS], properties: ['status'] },
  );
}

/** Firefox's tabs.onUpdated, which takes a filter (not in Chrome's types). */
interface FilteredTabsOnUpdated {
  addListener(listener: (tabId: number, change: { status?: string }) => void, filter: { urls?: string[]; properties?: string[] }): void;
}

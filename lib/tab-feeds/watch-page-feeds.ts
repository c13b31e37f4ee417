/**
 * The content script's work: find the page's feeds, report them only when there are some (or
 * when they went away), and look again when a single-page site changes page without a reload.
 * Reads the DOM only; makes no request. As a page loads it reads only <link> elements (cheap on
 * any page); the page's anchors ("RSS" links) are read when the popup asks (`scanAll`).
 */
import { feedsFromDocument } from '../discovery/feeds-from-document';
import type { DiscoveredFeed } from '../discovery/types';
import { rawFeedOfDocument } from './raw-feed-of-document';

/** The feeds of a document: its feed links (and anchors, when asked), or itself when it is a raw feed. */
export function feedsOfDocument(doc: Document, pageUrl: string, opts: { anchors?: boolean } = {}): DiscoveredFeed[] {
  const raw = rawFeedOfDocument(doc, pageUrl);
  if (raw) return [raw];
  if (doc.contentType !== 'text/html' && doc.contentType !== 'application/xhtml+xml') return [];
  return feedsFromDocument(doc, pageUrl, { anchors: opts.anchors === true });
}

/** A running watch. */
export interface PageFeedsWatch {
  /** Reads the page again, anchors included from now on, and reports what it finds, even nothing. */
  scanAll(): void;
  stop(): void;
}

/** A navigation API where the browser has one (Chrome); the rest rely on popstate and <head> changes. */
interface NavigationLike {
  addEventListener(type: 'navigatesuccess' | 'currententrychange', listener: () => void): void;
  removeEventListener(type: 'navigatesuccess' | 'currententrychange', listener: () => void): void;
}

/**
 * Scans now and after each in-page navigation or <head> change (debounced), and calls `report`
 * when the feeds (or the page address) changed and there is something to say.
 */
export function watchPageFeeds(win: Window, report: (feeds: DiscoveredFeed[]) => void, debounceMs = 300): PageFeedsWatch {
  const doc = win.document;
  let lastUrl = '';
  let lastKey = '[]';
  // The page the popup asked about: its anchors are read too until the page changes.
  let anchorsFor: string | undefined;
  const scan = (always = false) => {
    const url = win.location.href;
    const moved = url.split('#')[0] !== lastUrl.split('#')[0];
    if (moved && !always) anchorsFor = undefined;
    const feeds = feedsOfDocument(doc, url, { anchors: anchorsFor === url.split('#')[0] });
    const key = JSON.stringify(feeds);
    const hadFeeds = lastKey !== '[]';
    const changed = key !== lastKey;
    lastUrl = url;
    lastKey = key;
    // Nothing to say about a page without feeds, unless it just lost the ones it had (or was asked).
    if (always || ((moved || changed) && (feeds.length > 0 || hadFeeds))) report(feeds);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => scan(), debounceMs);
  };
  scan();
  // Single-page sites change <head> (title, links) when they change page.
  const observer = new MutationObserver(later);
  const head = doc.head ?? doc.documentElement;
  observer.observe(head, { childList: true, subtree: true, attributes: true, attributeFilter: ['href', 'rel', 'type'] });
  win.addEventListener('popstate', later);
  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  navigation?.addEventListener('currententrychange', later);
  return {
    scanAll() {
      anchorsFor = win.location.href.split('#')[0];
      scan(true);
    },
    stop() {
      observer.disconnect();
      win.removeEventListener('popstate', later);
      navigation?.removeEventListener('currententrychange', later);
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

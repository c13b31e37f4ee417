/**
 * Feeds detected on each tab. Kept in storage.session, not in a module variable, because
 * the worker may be stopped between the report and the popup asking for it.
 */
import { browser } from 'wxt/browser';
import type { DiscoveredFeed } from '../discovery/types';

const key = (tabId: number): string => `tab-feeds:${tabId}`;
const DEFAULT_TITLE = 'Orrery';

/** Records what a tab offers and marks the toolbar button for that tab. */
export async function setTabFeeds(tabId: number, feeds: DiscoveredFeed[]): Promise<void> {
  if (feeds.length === 0) {
    await clearTabFeeds(tabId);
    return;
  }
  await browser.storage.session.set({ [key(tabId)]: feeds });
  const n = feeds.length;
  // The title changes for this tab only; the unread count in the badge stays visible.
  await browser.action.setTitle({ tabId, title: `Orrery: ${n} feed${n === 1 ? '' : 's'} on this page` });
}

/** The feeds a tab offers (empty when none). */
export async function getTabFeeds(tabId: number): Promise<DiscoveredFeed[]> {
  const got = await browser.storage.session.get(key(tabId));
  const feeds = got[key(tabId)];
  return Array.isArray(feeds) ? (feeds as DiscoveredFeed[]) : [];
}

/** Forgets a tab's feeds and restores the default title. */
export async function clearTabFeeds(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
  await browser.action.setTitle({ tabId, title: DEFAULT_TITLE }).catch(() => undefined);
}

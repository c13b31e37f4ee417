/** A feed's health at a glance, from what the poller stored: ok, failing, gone, or not fetched yet. */
import type { StoredFeed } from '../db/types';

/** The states the sidebar and popup show. */
export type FeedHealth = 'ok' | 'failing' | 'gone' | 'new';

/** The health of one feed. */
export function feedHealth(feed: Pick<StoredFeed, 'state' | 'errorCount' | 'lastFetchAt'>): FeedHealth {
  if (feed.state === 'gone') return 'gone';
  if (feed.errorCount > 0) return 'failing';
  if (feed.lastFetchAt === undefined) return 'new';
  return 'ok';
}

/** A sentence for a tooltip or a screen reader. */
export function healthText(feed: Pick<StoredFeed, 'state' | 'errorCount' | 'lastFetchAt' | 'lastMessage'>, now: number = Date.now()): string {
  const h = feedHealth(feed);
  const ago = feed.lastFetchAt !== undefined ? `${Math.max(0, Math.round((now - feed.lastFetchAt) / 60_000))} min ago` : '';
  if (h === 'gone') return `Gone: the site says this feed no longer exists${feed.lastMessage ? ` (${feed.lastMessage})` : ''}.`;
  if (h === 'failing') return `Failing ${feed.errorCount}× in a row${feed.lastMessage ? `: ${feed.lastMessage}` : ''}.`;
  if (h === 'new') return 'Not fetched yet.';
  return `OK, fetched ${ago}.`;
}

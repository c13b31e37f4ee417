/** A feed's health at a glance, from what the poller stored: ok, failing, gone, or not fetched yet. */
import type { StoredFeed } from '../db/types';
import { t } from '../i18n/t';
import { agoText } from './format-time';

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
  const message = feed.lastMessage;
  if (h === 'gone') return message ? t('common_healthGoneWhy', { message }) : t('common_healthGone');
  if (h === 'failing') return message ? t('common_healthFailingWhy', { count: feed.errorCount, message }) : t('common_healthFailing', { count: feed.errorCount });
  if (h === 'new' || feed.lastFetchAt === undefined) return t('common_healthNew');
  return t('common_healthOk', { ago: agoText(feed.lastFetchAt, now) });
}

/** Keeps the toolbar badge equal to the stored unread count. */
import { browser } from 'wxt/browser';
import type { Db } from '../db/open-db';
import { countUnread } from '../db/queries';
import { badgeText, type BadgeStyle } from './badge-text';

/** Recounts unread posts (one index count) and shows the number on the toolbar button. */
export async function updateBadge(db: Db, style: BadgeStyle = 'count'): Promise<number> {
  const unread = await countUnread(db);
  await browser.action.setBadgeBackgroundColor({ color: '#3b5bdb' });
  await browser.action.setBadgeText({ text: badgeText(unread, style) });
  return unread;
}

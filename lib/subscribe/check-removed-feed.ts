/** The undo of an unsubscribe comes back from a page: check its shape before writing it. */
import { t } from '../i18n/t';
import type { StoredFeed, StoredPost } from '../db/types';
import type { RemovedFeed } from './types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The removed feed, if it has the shape of one (id, URL, title, folder, and posts keyed to it). */
export function checkRemovedFeed(value: unknown): { ok: true; removed: RemovedFeed } | { ok: false; error: string } {
  if (!isObject(value) || !isObject(value.feed) || !Array.isArray(value.posts)) return { ok: false, error: t('error_nothingToRestore') };
  const feed = value.feed as Partial<StoredFeed>;
  if (typeof feed.id !== 'string' || typeof feed.url !== 'string' || !/^https?:\/\//i.test(feed.url) || typeof feed.title !== 'string' || typeof feed.folder !== 'string') {
    return { ok: false, error: t('error_nothingToRestore') };
  }
  const posts = (value.posts as unknown[]).filter(
    (p): p is StoredPost => isObject(p) && p.feedId === feed.id && typeof p.id === 'string' && typeof p.sortKey === 'number',
  );
  return { ok: true, removed: { feed: feed as StoredFeed, posts } };
}

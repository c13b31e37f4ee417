/**
 * Subscribing to a previewed feed: the held response becomes the feed's first poll (posts,
 * validators, schedule), so the feed is not requested again. Without a held response (it
 * expired, or the worker restarted), the feed is fetched once more.
 */
import { t, tn } from '../i18n/t';
import type { Db } from '../db/open-db';
import { addFeeds, getFeedByUrl } from '../db/feeds';
import { commitPoll } from '../db/posts';
import { nextFeedState } from '../poll/poll-feed';
import type { HeldFeed } from './preview-cache';
import { alreadySubscribed, buildPreview, previewUrl, type PreviewDeps } from './preview-url';
import type { FeedPreview } from './types';

/** What the user confirmed. */
export interface ConfirmRequest {
  /** The preview's token, when there was a preview. */
  token?: string;
  url: string;
  /** A name the user chose (the feed's own title otherwise). */
  title?: string;
  folder?: string;
}

/** The outcome, with a message for the user when it failed. */
export type ConfirmResult =
  | { ok: true; feedId: string; title: string; preview: FeedPreview }
  | { ok: false; error: string };

/** Subscribes to a previewed (or previewable) feed. */
export async function confirmSubscription(req: ConfirmRequest, deps: PreviewDeps): Promise<ConfirmResult> {
  let held = (req.token ? deps.previews.get(req.token) : undefined) ?? deps.previews.byUrl(req.url);
  if (!held) {
    const reply = await previewUrl(req.url, deps);
    if (reply.kind === 'error') return { ok: false, error: reply.error };
    if (reply.kind === 'choices') return { ok: false, error: tn('error_choose', reply.candidates.length, { url: reply.pageUrl }) };
    if (reply.kind === 'opml') return { ok: false, error: tn('error_isOpml', reply.feedCount, { url: reply.url }) };
    held = deps.previews.get(reply.preview.token);
    if (!held) return { ok: false, error: t('error_previewExpired') };
  }
  const result = await commitHeld(held, req, deps);
  if (result.ok) deps.previews.delete(held.token);
  return result;
}

async function commitHeld(held: HeldFeed, req: ConfirmRequest, deps: PreviewDeps): Promise<ConfirmResult> {
  const db: Db = deps.db;
  for (const url of new Set([held.requestedUrl, held.out.finalUrl])) {
    const existing = await getFeedByUrl(db, url);
    if (existing) return { ok: false, error: alreadySubscribed(existing.title) };
  }
  const now = deps.now();
  const feed = held.feed;
  const title = req.title?.trim() || feed.title;
  const { added } = await addFeeds(
    db,
    [{ url: held.requestedUrl, ...(title ? { title } : {}), ...(feed.siteUrl ? { siteUrl: feed.siteUrl } : {}), ...(req.folder?.trim() ? { folder: req.folder.trim() } : {}), firstCheckAt: now }],
    now,
  );
  const stored = added[0];
  if (!stored) return { ok: false, error: alreadySubscribed(title || held.requestedUrl) };
  const times = feed.items
    .map((i) => i.published ?? i.updated)
    .filter((t): t is number => t !== undefined)
    .sort((a, b) => b - a)
    .slice(0, 10);
  await commitPoll(
    db,
    stored.id,
    (current) =>
      nextFeedState(current, held.out, {
        status: 'ok',
        message: undefined,
        failed: false,
        parsed: { title: feed.title, ...(feed.siteUrl ? { siteUrl: feed.siteUrl } : {}) },
        postTimes: times,
        // The response is from when it was fetched: history and schedule count from then.
        now: Math.min(held.fetchedAt, now),
        random: undefined,
      }),
    feed.items,
    now,
  );
  return { ok: true, feedId: stored.id, title: stored.title, preview: buildPreview(held, now) };
}

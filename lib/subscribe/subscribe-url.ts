/** Subscribing to what the user typed: a feed URL, or a site whose page links a feed. */
import type { Db } from '../db/open-db';
import { addFeeds, getFeedByUrl } from '../db/feeds';
import { commitPoll } from '../db/posts';
import { findFeedLinks } from '../discovery/find-feed-links';
import { parseFeed } from '../feed/parse-feed';
import { normalizeFeedUrl } from '../opml/normalize-feed-url';
import { describeFetchStatus } from '../poll/describe-status';
import { fetchFeed } from '../poll/fetch-feed';
import { nextFeedState } from '../poll/poll-feed';

/** What subscribing needs. */
export interface SubscribeDeps {
  db: Db;
  fetch: typeof fetch;
  now: () => number;
}

/** The outcome, with a message meant for the user when it failed. */
export type SubscribeResult = { ok: true; feedId: string; title: string } | { ok: false; error: string };

/**
 * Fetches the address once; a feed is subscribed with that response stored as its first
 * fetch (never requested twice); an HTML page is searched for feed links and the first
 * one is followed.
 */
export async function subscribeToUrl(
  input: string,
  opts: { title?: string; folder?: string },
  deps: SubscribeDeps,
  depth = 0,
): Promise<SubscribeResult> {
  const raw = input.trim();
  if (!raw) return { ok: false, error: 'Type the address of a feed or of a site.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`;
  const checked = normalizeFeedUrl(withScheme);
  if (!checked.ok) return { ok: false, error: `“${raw}” is not a web address: ${checked.reason}.` };
  const url = checked.url;
  const existing = await getFeedByUrl(deps.db, url);
  if (existing) return { ok: false, error: `You are already subscribed to “${existing.title}”.` };

  const out = await fetchFeed({ url }, { fetch: deps.fetch });
  if (out.kind !== 'ok' || !out.bytes) {
    const d = describeFetchStatus({ kind: out.kind, ...(out.status ? { status: out.status } : {}), ...(out.message ? { message: out.message } : {}) });
    return { ok: false, error: `Could not subscribe to ${url}: ${d.message}` };
  }
  const parsed = parseFeed(out.bytes, { url: out.finalUrl, ...(out.headers.contentType ? { contentType: out.headers.contentType } : {}) });
  if (!parsed.ok) {
    const text = new TextDecoder().decode(out.bytes.subarray(0, 512 * 1024));
    const links = /<html|<head|<body|<!doctype html/i.test(text) ? findFeedLinks(text, out.finalUrl) : [];
    const first = links[0];
    if (first && depth === 0) return subscribeToUrl(first.url, { ...opts, ...(first.title && !opts.title ? { title: first.title } : {}) }, deps, 1);
    if (links.length === 0 && /<html|<body/i.test(text)) {
      return { ok: false, error: `No feed found at ${url}: the page links no RSS, Atom or JSON feed.` };
    }
    return { ok: false, error: `${url} is not a feed we can read: ${parsed.error.message}` };
  }
  const now = deps.now();
  const { added } = await addFeeds(
    deps.db,
    [{ url, title: opts.title ?? parsed.feed.title, ...(parsed.feed.siteUrl ? { siteUrl: parsed.feed.siteUrl } : {}), ...(opts.folder ? { folder: opts.folder } : {}), firstCheckAt: now }],
    now,
  );
  const feed = added[0];
  if (!feed) return { ok: false, error: `You are already subscribed to ${url}.` };
  const times = parsed.feed.items.map((i) => i.published ?? i.updated).filter((t): t is number => t !== undefined);
  await commitPoll(
    deps.db,
    feed.id,
    (current) => nextFeedState(current, out, { status: 'ok', message: undefined, failed: false, parsed: undefined, postTimes: times, now, random: undefined }),
    parsed.feed.items,
    now,
  );
  return { ok: true, feedId: feed.id, title: feed.title };
}

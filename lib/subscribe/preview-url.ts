/**
 * "What is at this address?": a feed (previewed and graded, its response held for the first
 * poll), a site offering several feeds (to choose from), an OPML list, or a specific reason
 * why there is nothing to subscribe to.
 */
import { t } from '../i18n/t';
import { missingAccessMessage } from '../permissions/host-access';
import type { Db } from '../db/open-db';
import { getFeedByUrl } from '../db/feeds';
import { candidateFeedUrls } from '../discovery/candidate-feed-urls';
import { decodeHtmlEntities } from '../discovery/decode-html-entities';
import { findFeedLinks } from '../discovery/find-feed-links';
import type { DiscoveredFeed } from '../discovery/types';
import type { ParsedFeed } from '../feed/types';
import { parseOpml } from '../opml/parse-opml';
import type { FetchOutcome } from '../poll/fetch-feed';
import { fetchForPreview } from './fetch-for-preview';
import { gradeFeed } from './grade-feed';
import type { HeldFeed, PreviewCache } from './preview-cache';
import { previewPosts } from './preview-posts';
import { probeCandidates } from './probe-candidates';
import type { FeedCandidate, FeedPreview, PreviewReply } from './types';
import { parseUserUrl } from './user-url';

/** What previewing needs. */
export interface PreviewDeps {
  db: Db;
  fetch: typeof fetch;
  now: () => number;
  previews: PreviewCache;
  /** Whether Orrery may reach the address (its host permission); absent: assumed. */
  hostAccess?: (url: string) => Promise<boolean>;
}

/** Options of a preview. */
export interface PreviewOptions {
  /** When the page links no feed, try the well-known addresses (several requests). */
  probe?: boolean;
  /** The page the URL was found on (shown in the preview). */
  foundOn?: string;
  /** Pages followed so far: a page's one feed link is followed once, never a chain of pages. */
  depth?: number;
}

// A comments feed is rarely what someone subscribing to a blog wants: list it last.
const COMMENTS = /\bcomments?\b|kommentare|commentaires|comentarios/i;

/** Previews what `input` points at. */
export async function previewUrl(input: string, deps: PreviewDeps, opts: PreviewOptions = {}): Promise<PreviewReply> {
  const parsed = parseUserUrl(input);
  if (!parsed.ok) return { kind: 'error', error: parsed.error };
  const url = parsed.url;
  // Without site access the fetch would fail with a bare NetworkError: say what is missing instead.
  if (deps.hostAccess && !(await deps.hostAccess(url))) return { kind: 'error', error: missingAccessMessage(url) };
  const existing = await getFeedByUrl(deps.db, url);
  if (existing) return { kind: 'error', error: alreadySubscribed(existing.title) };
  const held = deps.previews.byUrl(url);
  if (held) return feedReply(held, deps, opts.foundOn);
  // The preview shown while typing and the subscribe button may ask at once: one request.
  const got = await deps.previews.once(url, () => fetchForPreview(url, deps));
  switch (got.kind) {
    case 'failed':
      return { kind: 'error', error: t('error_couldNotRead', { url, reason: got.reason }) };
    case 'feed':
      return feedReply(deps.previews.put({ requestedUrl: url, out: got.out, feed: got.feed, fetchedAt: deps.now() }), deps, opts.foundOn);
    case 'html':
      if ((opts.depth ?? 0) > 0) return { kind: 'error', error: t('error_webPage', { url }) };
      return fromPage(url, got.out, got.text, deps, opts);
    case 'other':
      return notAFeed(url, got.text, got.reason);
  }
}

/** The sentence for a feed that is subscribed already. */
export function alreadySubscribed(title: string): string {
  return t('error_alreadySubscribed', { title });
}

async function feedReply(held: HeldFeed, deps: PreviewDeps, foundOn: string | undefined): Promise<PreviewReply> {
  const moved = held.out.finalUrl !== held.requestedUrl ? await getFeedByUrl(deps.db, held.out.finalUrl) : undefined;
  if (moved) return { kind: 'error', error: t('error_alreadyRedirect', { already: alreadySubscribed(moved.title), url: held.requestedUrl }) };
  return { kind: 'feed', preview: buildPreview(held, deps.now(), foundOn) };
}

/** The preview of a held response. */
export function buildPreview(held: HeldFeed, now: number, foundOn?: string): FeedPreview {
  const f: ParsedFeed = held.feed;
  return {
    token: held.token,
    url: held.requestedUrl,
    ...(foundOn ? { foundOn } : {}),
    title: f.title || new URL(held.requestedUrl).host,
    ...(f.siteUrl ? { siteUrl: f.siteUrl } : {}),
    ...(f.description ? { description: f.description.slice(0, 300) } : {}),
    grade: gradeFeed(f, held.out, now),
    posts: previewPosts(f.items),
  };
}

async function fromPage(url: string, out: FetchOutcome, html: string, deps: PreviewDeps, opts: PreviewOptions): Promise<PreviewReply> {
  const pageUrl = out.finalUrl;
  const links = findFeedLinks(html, pageUrl);
  const pageTitle = titleOf(html);
  if (links.length === 1 && links[0]) {
    const only = links[0];
    const reply = await previewUrl(only.url, deps, { foundOn: pageUrl, depth: 1 });
    if (reply.kind === 'error' && !/already subscribed/.test(reply.error)) {
      return { kind: 'error', error: t('error_oneFeedUnreadable', { url, feed: only.url, error: reply.error }) };
    }
    return reply;
  }
  if (links.length > 1) return { kind: 'choices', pageUrl, ...(pageTitle ? { pageTitle } : {}), candidates: await candidates(links, deps.db) };
  if (!opts.probe) {
    return { kind: 'error', error: noFeed(url, false) };
  }
  const hits = await probeCandidates(candidateFeedUrls(pageUrl), deps);
  if (hits.length === 0) return { kind: 'error', error: noFeed(url, true) };
  const held = hits.map((h) => deps.previews.put({ ...h, fetchedAt: deps.now() }));
  if (held.length === 1 && held[0]) return feedReply(held[0], deps, pageUrl);
  const found: DiscoveredFeed[] = held.map((h) => ({ url: h.requestedUrl, title: h.feed.title, type: h.feed.format, source: 'link' }));
  return { kind: 'choices', pageUrl, ...(pageTitle ? { pageTitle } : {}), candidates: await candidates(found, deps.db) };
}

/** The sentence for a page without feeds. */
export function noFeed(url: string, probed: boolean): string {
  return probed
    ? t('error_noFeedProbed', { url })
    : t('error_noFeed', { url });
}

async function candidates(found: DiscoveredFeed[], db: Db): Promise<FeedCandidate[]> {
  const ordered = [...found.filter((f) => !COMMENTS.test(f.title ?? '')), ...found.filter((f) => COMMENTS.test(f.title ?? ''))];
  return Promise.all(
    ordered.slice(0, 20).map(async (f) => {
      const sub = await getFeedByUrl(db, f.url);
      return { url: f.url, ...(f.title ? { title: f.title } : {}), type: f.type, ...(sub ? { subscribed: { feedId: sub.id, title: sub.title } } : {}) };
    }),
  );
}

function titleOf(html: string): string | undefined {
  const raw = /<title[^>]*>([^<]{1,300})/i.exec(html.slice(0, 64 * 1024))?.[1];
  const title = raw ? decodeHtmlEntities(raw).replace(/\s+/g, ' ').trim() : '';
  return title || undefined;
}

function notAFeed(url: string, text: string, reason: string): PreviewReply {
  const start = text.trimStart().slice(0, 1);
  if (start === '{' || start === '[') {
    return {
      kind: 'error',
      error: t('error_jsonNotFeed', { url }),
    };
  }
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<opml[\s>]/i.test(text.slice(0, 4096))) {
    const opml = parseOpml(text);
    if (opml.ok) return { kind: 'opml', url, ...(opml.title ? { title: opml.title } : {}), feedCount: opml.feeds.length };
  }
  return { kind: 'error', error: t('error_unreadableFeed', { url, reason }) };
}

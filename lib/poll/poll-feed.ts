/** Polling one feed: fetch, parse, schedule, and commit it all in one transaction. */
import { parseFeed } from '../feed/parse-feed';
import type { ParsedItem } from '../feed/types';
import type { Db } from '../db/open-db';
import { commitPoll, type CommitResult } from '../db/posts';
import type { CommitQueue } from './commit-queue';
import type { Retention } from '../db/retention';
import type { FetchStatusKind, StoredFeed } from '../db/types';
import { describeFetchStatus } from './describe-status';
import { getFeedByUrl } from '../db/feeds';
import { fetchFeed, type FetchOutcome } from './fetch-feed';
import { permanentTarget, type RedirectHop, type RedirectLog } from './redirect-log';
import { networkCause } from './network-cause';
import { saveFailed } from './save-failed';
import { nextCheckAt } from './schedule';
import type { SaveFailureLog } from './save-failures';

/** What polling needs from the outside world. */
export interface PollDeps {
  db: Db;
  fetch: typeof fetch;
  now: () => number;
  random?: () => number;
  timeoutMs?: number;
  /** Redirects the browser reported, to tell 301/308 (adopt) from 302/307 (keep). */
  redirects?: RedirectLog;
  /** The user's retention rule, applied in the same transaction. */
  retention?: Retention;
  /** The user's bounds for the adaptive interval. */
  minIntervalMs?: number;
  maxIntervalMs?: number;
  /** Where a status goes when even the feed's own record refuses it (storage full). */
  saveFailures?: SaveFailureLog;
  /** Shares transactions with the run's other polls (else each poll commits alone). */
  commits?: CommitQueue;
}

/** What one poll did. */
export interface PollResult {
  feedId: string;
  status: FetchStatusKind;
  commit?: CommitResult;
}

/** A feed's answer, read whole: what the network part of a poll hands to its storing part. */
export interface Fetched {
  out: FetchOutcome;
  status: FetchStatusKind;
  message: string | undefined;
  /** When the answer was in. */
  now: number;
}

/** Fetches, parses and stores one feed; never throws on bad input from the network. */
export async function pollFeed(feed: StoredFeed, deps: PollDeps): Promise<PollResult> {
  return storePoll(feed, await fetchForPoll(feed, deps), deps);
}

/**
 * The network part of a poll: the conditional request and its body, read whole. A run holds
 * the host's request slot only for this, so one feed's parsing and commit never keep the
 * next request waiting.
 */
export async function fetchForPoll(feed: StoredFeed, deps: PollDeps): Promise<Fetched> {
  const fetchedAt = deps.now();
  const out = await fetchFeed(
    { url: feed.url, ...(feed.etag ? { etag: feed.etag } : {}), ...(feed.lastModified ? { lastModified: feed.lastModified } : {}) },
    { fetch: deps.fetch, ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}) },
  );
  const now = deps.now();
  let status: FetchStatusKind = out.kind;
  let message = out.message;
  if (out.kind === 'network-error' && deps.redirects) ({ status, message } = networkCause(feed.url, out.message, deps.redirects, fetchedAt));
  return { out, status, message, now };
}

/** The storing part of a poll: parse, follow a permanent move, commit; never throws on bad input. */
export async function storePoll(feed: StoredFeed, fetched: Fetched, deps: PollDeps): Promise<PollResult> {
  const { out, now } = fetched;
  let { status, message } = fetched;
  let items: ParsedItem[] = [];
  let parsed: { title: string; siteUrl?: string } | undefined;
  if (out.kind === 'ok' && out.bytes) {
    const result = parseFeed(out.bytes, { url: out.finalUrl, ...(out.headers.contentType ? { contentType: out.headers.contentType } : {}) });
    if (result.ok) {
      items = result.feed.items;
      parsed = { title: result.feed.title, ...(result.feed.siteUrl ? { siteUrl: result.feed.siteUrl } : {}) };
    } else {
      status = result.error.code === 'too-large' ? 'too-large' : result.error.code === 'not-a-feed' ? 'not-a-feed' : 'parse-error';
      message = result.error.message;
    }
  }
  const failed = status !== 'ok' && status !== 'not-modified';
  const movedTo = await adoptedUrl(feed, out, deps);
  // The cadence comes from the feed's own dates; a 304 reuses those of the last 200.
  const postTimes = items.length ? newestTimes(items) : (feed.postTimes ?? []);
  let commit: CommitResult | undefined;
  try {
    const job = {
      feedId: feed.id,
      update: (current: StoredFeed) =>
        nextFeedState(current, out, {
          status,
          message,
          failed,
          parsed,
          postTimes,
          now,
          random: deps.random,
          movedTo,
          pickedNextCheckAt: feed.nextCheckAt,
          minIntervalMs: deps.minIntervalMs,
          maxIntervalMs: deps.maxIntervalMs,
        }),
      items,
      now,
      // Retention needs to know what the feed still carries: only after a full fetch, never on
      // a 304 or an error (that would delete every old post the feed still lists).
      retention: items.length > 0 ? deps.retention : undefined,
    };
    commit = await (deps.commits ? deps.commits.commit(job) : commitPoll(deps.db, job.feedId, job.update, job.items, job.now, job.retention));
  } catch (err) {
    return saveFailed(feed, err, deps, now);
  }
  deps.saveFailures?.clear(feed.id);
  return { feedId: feed.id, status, ...(commit ? { commit } : {}) };
}

interface StateInput {
  status: FetchStatusKind;
  message: string | undefined;
  failed: boolean;
  parsed: { title: string; siteUrl?: string } | undefined;
  postTimes: number[];
  now: number;
  random: (() => number) | undefined;
  /** The new URL after permanent redirects, when the subscription moves. */
  movedTo?: string | undefined;
  /** The feed's next check when this poll picked it: another value now means it was made due again meanwhile. */
  pickedNextCheckAt?: number | undefined;
  minIntervalMs?: number | undefined;
  maxIntervalMs?: number | undefined;
}

/** The feed record after a fetch: history, validators (verbatim) and next check. */
export function nextFeedState(current: StoredFeed, out: FetchOutcome, s: StateInput): StoredFeed {
  const next: StoredFeed = {
    ...current,
    lastFetchAt: s.now,
    lastStatus: s.status,
    fetchCount: current.fetchCount + 1,
    bytesReceived: current.bytesReceived + out.byteCount,
    errorCount: s.failed ? current.errorCount + 1 : 0,
    notModifiedCount: current.notModifiedCount + (s.status === 'not-modified' ? 1 : 0),
  };
  if (out.status !== undefined) next.lastHttpStatus = out.status;
  else delete next.lastHttpStatus;
  if (out.kind === 'ok') {
    next.lastBodyBytes = out.byteCount;
    // A new representation: its validators (or their absence) replace the old ones.
    setOrDelete(next, 'etag', out.headers.etag);
    setOrDelete(next, 'lastModified', out.headers.lastModified);
  } else if (out.kind === 'not-modified') {
    if (out.headers.etag) next.etag = out.headers.etag;
    if (out.headers.lastModified) next.lastModified = out.headers.lastModified;
  }
  if (s.parsed) {
    if (s.parsed.title && current.title === hostOf(current.url)) next.title = s.parsed.title;
    if (s.parsed.siteUrl && !current.siteUrl) next.siteUrl = s.parsed.siteUrl;
  }
  if (s.parsed) next.postTimes = s.postTimes;
  if (s.status === 'gone') next.state = 'gone';
  if (s.movedTo && s.movedTo !== current.url) next.url = s.movedTo;
  const decision = nextCheckAt({
    now: s.now,
    outcome: s.status === 'ok' ? 'ok' : s.status === 'not-modified' ? 'not-modified' : s.status === 'gone' ? 'gone' : s.status === 'rate-limited' ? 'rate-limited' : 'error',
    ...(out.status !== undefined ? { status: out.status } : {}),
    headers: {
      cacheControl: out.headers.cacheControl ?? null,
      expires: out.headers.expires ?? null,
      retryAfter: out.headers.retryAfter ?? null,
      date: out.headers.date ?? null,
    },
    errorCount: next.errorCount,
    postTimes: s.postTimes,
    ...(current.ttlMinutes !== undefined ? { ttlMinutes: current.ttlMinutes } : {}),
    ...(current.skipHours ? { skipHours: current.skipHours } : {}),
    ...(current.skipDays ? { skipDays: current.skipDays } : {}),
    ...(current.overrideMinutes !== undefined ? { overrideMinutes: current.overrideMinutes } : {}),
    ...(s.random ? { random: s.random } : {}),
    ...(s.minIntervalMs !== undefined ? { minIntervalMs: s.minIntervalMs } : {}),
    ...(s.maxIntervalMs !== undefined ? { maxIntervalMs: s.maxIntervalMs } : {}),
  });
  next.lastMessage = describeFetchStatus({
    kind: s.status,
    ...(out.status !== undefined ? { status: out.status } : {}),
    ...(s.message !== undefined ? { message: s.message } : {}),
    // The wait a 429/503 imposes, in the sentence ("…will not ask again for 2 h").
    ...(s.status === 'rate-limited' ? { retryInMs: decision.at - s.now } : {}),
  }).message;
  // "Refresh now" made the feed due again while this poll was in flight: it stays due (the run
  // polls it again) instead of this answer's schedule silently undoing the reader's request,
  // unless the answer asked for a wait or the feed is gone.
  const dueAgain =
    s.pickedNextCheckAt !== undefined && current.nextCheckAt !== s.pickedNextCheckAt && current.nextCheckAt <= s.now && s.status !== 'rate-limited' && s.status !== 'gone';
  next.nextCheckAt = dueAgain ? current.nextCheckAt : decision.at;
  if (s.status === 'rate-limited') next.retryAfterUntil = decision.at;
  else delete next.retryAfterUntil;
  next.intervalMs = decision.intervalMs;
  next.scheduleReason = decision.reason;
  return next;
}

/** The newest ten publication times of a fetch, newest first. */
export function newestTimes(items: ParsedItem[]): number[] {
  return items
    .map((i) => i.published ?? i.updated)
    .filter((t): t is number => t !== undefined)
    .sort((a, b) => b - a)
    .slice(0, 10);
}

/** A 301/308 chain moves the subscription, unless the target is subscribed already. */
async function adoptedUrl(feed: StoredFeed, out: FetchOutcome, deps: PollDeps): Promise<string | undefined> {
  if (!out.redirected || !deps.redirects) return undefined;
  const target = permanentTarget(await recordedChain(deps.redirects, feed.url, out.finalUrl), out.finalUrl);
  if (!target || target === feed.url) return undefined;
  if (await getFeedByUrl(deps.db, target)) return undefined;
  return target;
}

/**
 * The recorded redirects from `url`, once they reach `finalUrl`: `webRequest.onBeforeRedirect`
 * may be dispatched after `fetch` has resolved (seen in CI: a 301 left unadopted until the next
 * poll asked the old address again), so wait a little for the hops to arrive (at most ~200 ms).
 */
async function recordedChain(log: RedirectLog, url: string, finalUrl: string): Promise<RedirectHop[]> {
  for (let tries = 0; ; tries++) {
    const chain = log.chain(url);
    if (chain.at(-1)?.to === finalUrl || tries >= 10) return chain;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function setOrDelete(feed: StoredFeed, key: 'etag' | 'lastModified', value: string | undefined): void {
  if (value) feed[key] = value;
  else delete feed[key];
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

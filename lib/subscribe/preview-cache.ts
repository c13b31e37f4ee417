/**
 * Responses fetched for a preview, held until the user confirms so the first poll reuses them
 * (never requested twice). In memory only: a worker restart loses them, and confirming then
 * fetches again, which costs one request and nothing else.
 */
import type { ParsedFeed } from '../feed/types';
import type { FetchOutcome } from '../poll/fetch-feed';

/** One held response. */
export interface HeldFeed {
  token: string;
  /** The URL that was asked for. */
  requestedUrl: string;
  out: FetchOutcome;
  feed: ParsedFeed;
  fetchedAt: number;
}

/** The cache's operations. */
export interface PreviewCache {
  put(entry: Omit<HeldFeed, 'token'>): HeldFeed;
  get(token: string): HeldFeed | undefined;
  /** The freshest held response for a URL (asked for or answered from). */
  byUrl(url: string): HeldFeed | undefined;
  delete(token: string): void;
  /** Runs `task` for `url` unless one is already running for it; both callers share its result. */
  once<T>(url: string, task: () => Promise<T>): Promise<T>;
}

/** Options: the clock, how long a response stays reusable, how many are kept. */
export interface PreviewCacheOptions {
  now: () => number;
  ttlMs?: number;
  max?: number;
}

/** Creates an empty cache. */
export function createPreviewCache(opts: PreviewCacheOptions): PreviewCache {
  const ttl = opts.ttlMs ?? 15 * 60_000;
  const max = opts.max ?? 20;
  const entries = new Map<string, HeldFeed>();
  const running = new Map<string, Promise<unknown>>();
  const prune = () => {
    const now = opts.now();
    for (const [token, e] of entries) if (now - e.fetchedAt > ttl) entries.delete(token);
    // Oldest first: Map keeps insertion order.
    while (entries.size > max) {
      const first = entries.keys().next();
      if (first.done) break;
      entries.delete(first.value);
    }
  };
  return {
    put(entry) {
      const held = { ...entry, token: crypto.randomUUID() };
      entries.set(held.token, held);
      prune();
      return held;
    },
    get(token) {
      prune();
      return entries.get(token);
    },
    byUrl(url) {
      prune();
      let best: HeldFeed | undefined;
      for (const e of entries.values()) {
        if ((e.requestedUrl === url || e.out.finalUrl === url) && (!best || e.fetchedAt > best.fetchedAt)) best = e;
      }
      return best;
    },
    delete(token) {
      entries.delete(token);
    },
    once<T>(url: string, task: () => Promise<T>): Promise<T> {
      const current = running.get(url) as Promise<T> | undefined;
      if (current) return current;
      const started = task().finally(() => running.delete(url));
      running.set(url, started);
      return started;
    },
  };
}

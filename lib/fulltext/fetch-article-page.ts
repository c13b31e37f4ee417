/**
 * Fetching a post's web page for its article: no cookies, no referrer, a time limit and a
 * size limit, through the worker's polite fetch (one request per host at a time). Never
 * throws: every failure comes back with its words for the reader.
 */
import { parseRetryAfter } from '../poll/retry-after';
import { decodeHtml } from './decode-html';
import type { HostBackoff } from './host-backoff';

/** A fetched page, or why not. */
export type PageResult = { ok: true; html: string; url: string } | { ok: false; message: string };

/** Limits of fetchArticlePage. */
export interface PageFetchOptions {
  fetch: typeof fetch;
  backoff: HostBackoff;
  now: () => number;
  /** Whole request, body included (default 20 s). */
  timeoutMs?: number;
  /** Largest page read (default 5 MB): beyond it the page is not an article Orrery keeps. */
  maxBytes?: number;
}

const REASONS: Readonly<Record<number, string>> = {
  401: 'the page needs a login',
  402: 'the page is behind a paywall',
  403: 'the site refuses to serve the page to Orrery',
  404: 'the page is not there any more',
  410: 'the page was removed',
  451: 'the page is unavailable for legal reasons',
};

function minutes(ms: number): string {
  const m = Math.max(1, Math.ceil(ms / 60_000));
  return m === 1 ? '1 minute' : `${m} minutes`;
}

/** The reader's words for an HTTP status of an article page. */
export function describeHttpStatus(status: number): string {
  const why = REASONS[status] ?? (status >= 500 ? 'the site had an error' : 'the site refused the request');
  return `HTTP ${status}: ${why}`;
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** Fetches the page at `url` (an http(s) address) as text. */
export async function fetchArticlePage(url: string, opts: PageFetchOptions): Promise<PageResult> {
  const waitUntil = opts.backoff.until(url, opts.now());
  if (waitUntil !== undefined) {
    return { ok: false, message: `the site asked Orrery to wait; try again in ${minutes(waitUntil - opts.now())}` };
  }
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await opts.fetch(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
      headers: { Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
      signal: controller.signal,
    });
    if (res.status === 429 || res.status === 503) {
      const now = opts.now();
      // Without a Retry-After, a quarter of an hour: the same floor polite polling keeps.
      const at = parseRetryAfter(res.headers.get('retry-after'), now, res.headers.get('date')) ?? now + 15 * 60_000;
      opts.backoff.wait(url, Math.max(at, now));
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, message: `HTTP ${res.status}: the site asked Orrery to wait; try again in ${minutes(Math.max(at, now) - now)}` };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, message: describeHttpStatus(res.status) };
    }
    const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (type && type !== 'text/html' && type !== 'application/xhtml+xml') {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, message: `the link leads to ${type}, not a web page` };
    }
    const bytes = await readCapped(res, opts.maxBytes ?? 5_000_000);
    if (!bytes) return { ok: false, message: 'the page is too large to read' };
    return { ok: true, html: decodeHtml(bytes, res.headers.get('content-type')), url: res.url || url };
  } catch (err) {
    if (controller.signal.aborted) return { ok: false, message: `the site did not answer within ${Math.round(timeoutMs / 1000)} seconds` };
    return { ok: false, message: `the page could not be reached (${err instanceof Error ? err.message : String(err)})` };
  } finally {
    clearTimeout(timer);
  }
}

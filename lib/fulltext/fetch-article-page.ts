/**
 * Fetching a post's web page for its article: no cookies, no referrer, a time limit and a
 * size limit, through the worker's polite fetch (one request per host at a time). Never
 * throws: every failure comes back with its words for the reader.
 */
import { t, tn, type MessageKey } from '../i18n/t';
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

const REASONS: Readonly<Record<number, MessageKey>> = {
  401: 'fulltext_http401',
  402: 'fulltext_http402',
  403: 'fulltext_http403',
  404: 'fulltext_http404',
  410: 'fulltext_http410',
  451: 'fulltext_http451',
};

function minutes(ms: number): string {
  return tn('fulltext_minutes', Math.max(1, Math.ceil(ms / 60_000)));
}

/** The reader's words for an HTTP status of an article page. */
export function describeHttpStatus(status: number): string {
  const known = REASONS[status];
  const why = t(known ?? (status >= 500 ? 'fulltext_http5xx' : 'fulltext_http4xx'));
  // The status is a code, not a number to format.
  return t('fulltext_httpStatus', { status: String(status), why });
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
    return { ok: false, message: t('fulltext_wait', { wait: minutes(waitUntil - opts.now()) }) };
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
      return { ok: false, message: t('fulltext_httpStatus', { status: String(res.status), why: t('fulltext_wait', { wait: minutes(Math.max(at, now) - now) }) }) };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, message: describeHttpStatus(res.status) };
    }
    const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (type && type !== 'text/html' && type !== 'application/xhtml+xml') {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, message: t('fulltext_notAPage', { type }) };
    }
    const bytes = await readCapped(res, opts.maxBytes ?? 5_000_000);
    if (!bytes) return { ok: false, message: t('fulltext_tooLarge') };
    return { ok: true, html: decodeHtml(bytes, res.headers.get('content-type')), url: res.url || url };
  } catch (err) {
    if (controller.signal.aborted) return { ok: false, message: tn('fulltext_noAnswer', Math.round(timeoutMs / 1000)) };
    return { ok: false, message: t('fulltext_unreachable', { detail: err instanceof Error ? err.message : String(err) }) };
  } finally {
    clearTimeout(timer);
  }
}

/** One polite HTTP request for a feed: conditional GET, timeout, body size cap. */
import { t } from '../i18n/t';

/** What the fetch ended with, before parsing. */
export type FetchKind = 'ok' | 'not-modified' | 'http-error' | 'network-error' | 'timeout' | 'too-large' | 'gone' | 'rate-limited';

/** Response headers the scheduler and the validators need, verbatim. */
export interface FetchHeaders {
  etag?: string;
  lastModified?: string;
  cacheControl?: string;
  expires?: string;
  retryAfter?: string;
  date?: string;
  contentType?: string;
}

/** The outcome of fetching a feed. */
export interface FetchOutcome {
  kind: FetchKind;
  status?: number;
  bytes?: Uint8Array;
  headers: FetchHeaders;
  /** The URL that answered, after redirects. */
  finalUrl: string;
  redirected: boolean;
  /** Bytes received (body). */
  byteCount: number;
  message?: string;
}

/** What is asked. */
export interface FetchRequest {
  url: string;
  etag?: string;
  lastModified?: string;
}

/** Injected dependencies and limits. */
export interface FetchDeps {
  fetch: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
}

const DEFAULT_TIMEOUT = 30_000;
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Fetches a feed with the stored validators. `cache: 'no-store'` keeps the browser's HTTP
 * cache from answering in our place or adding validators of its own; cookies are never sent.
 */
export async function fetchFeed(req: FetchRequest, deps: FetchDeps): Promise<FetchOutcome> {
  const headers: Record<string, string> = {
    Accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5',
  };
  if (req.etag) headers['If-None-Match'] = req.etag;
  if (req.lastModified) headers['If-Modified-Since'] = req.lastModified;
  const controller = new AbortController();
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const base = { finalUrl: req.url, redirected: false, byteCount: 0, headers: {} };
  try {
    let res: Response;
    try {
      res = await deps.fetch(req.url, {
        headers,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'follow',
        signal: controller.signal,
      });
    } catch (err) {
      if (controller.signal.aborted) return { ...base, kind: 'timeout', message: t('error_noAnswerWithin', { n: Math.round(timeoutMs / 1000) }) };
      return { ...base, kind: 'network-error', message: errorText(err) };
    }
    const h = pickHeaders(res.headers);
    const common = { status: res.status, headers: h, finalUrl: res.url || req.url, redirected: res.redirected };
    if (res.status === 304) return { ...common, kind: 'not-modified', byteCount: 0 };
    if (res.status === 410) return { ...common, kind: 'gone', byteCount: 0 };
    if (res.status === 429 || res.status === 503) {
      await res.body?.cancel();
      return { ...common, kind: 'rate-limited', byteCount: 0 };
    }
    if (!res.ok) {
      await res.body?.cancel();
      return { ...common, kind: 'http-error', byteCount: 0 };
    }
    const body = await readCapped(res, deps.maxBytes ?? DEFAULT_MAX_BYTES);
    if (body === 'too-large') return { ...common, kind: 'too-large', byteCount: 0 };
    return { ...common, kind: 'ok', bytes: body, byteCount: body.byteLength };
  } catch (err) {
    if (controller.signal.aborted) return { ...base, kind: 'timeout', message: t('error_noAnswerWithin', { n: Math.round(timeoutMs / 1000) }) };
    return { ...base, kind: 'network-error', message: errorText(err) };
  } finally {
    clearTimeout(timer);
  }
}

function pickHeaders(h: Headers): FetchHeaders {
  const out: FetchHeaders = {};
  const map: [keyof FetchHeaders, string][] = [
    ['etag', 'etag'],
    ['lastModified', 'last-modified'],
    ['cacheControl', 'cache-control'],
    ['expires', 'expires'],
    ['retryAfter', 'retry-after'],
    ['date', 'date'],
    ['contentType', 'content-type'],
  ];
  for (const [key, name] of map) {
    const v = h.get(name);
    if (v !== null) out[key] = v;
  }
  return out;
}

/** Reads the body, giving up past maxBytes (a feed is never that big; a stream might be endless). */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | 'too-large'> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    return 'too-large';
  }
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return 'too-large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** One request made for a preview or a probe: fetched, classified, and a feed parsed. */
import { decodeBytes } from '../charset/decode-bytes';
import { parseFeed } from '../feed/parse-feed';
import type { ParsedFeed } from '../feed/types';
import { describeFetchStatus } from '../poll/describe-status';
import { fetchFeed, type FetchOutcome } from '../poll/fetch-feed';

/** What the address answered with. */
export type Fetched =
  | { kind: 'feed'; out: FetchOutcome; feed: ParsedFeed }
  | { kind: 'html'; out: FetchOutcome; text: string }
  | { kind: 'other'; out: FetchOutcome; text: string; reason: string }
  | { kind: 'failed'; out: FetchOutcome; reason: string };

/** What fetching needs. */
export interface FetchDepsLite {
  fetch: typeof fetch;
  timeoutMs?: number;
}

const HTML_HEAD = /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>])/i;

/** True when a response is a web page rather than a document a feed could be in. */
export function isHtml(contentType: string | undefined, text: string): boolean {
  const essence = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (essence === 'text/html' || essence === 'application/xhtml+xml') return !/^\s*(?:<\?xml[^>]*>\s*)?<(?:rss|feed|rdf:rdf)[\s>]/i.test(text.slice(0, 1024));
  return HTML_HEAD.test(text.slice(0, 2048));
}

/**
 * GETs `url` the way the poller does (no cookies, no HTTP cache, size cap, timeout) and says
 * what came back. Never throws.
 */
export async function fetchForPreview(url: string, deps: FetchDepsLite): Promise<Fetched> {
  const out = await fetchFeed({ url }, { fetch: deps.fetch, ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}) });
  if (out.kind !== 'ok' || !out.bytes) {
    const d = describeFetchStatus({ kind: out.kind, ...(out.status !== undefined ? { status: out.status } : {}), ...(out.message ? { message: out.message } : {}) });
    return { kind: 'failed', out, reason: d.message };
  }
  const contentType = out.headers.contentType;
  const text = decodeBytes(out.bytes.subarray(0, 2 * 1024 * 1024), contentType).text;
  if (isHtml(contentType, text)) return { kind: 'html', out, text };
  const parsed = parseFeed(out.bytes, { url: out.finalUrl, ...(contentType ? { contentType } : {}) });
  if (parsed.ok) return { kind: 'feed', out, feed: parsed.feed };
  return { kind: 'other', out, text, reason: parsed.error.message.replace(/^feed: /, '') };
}

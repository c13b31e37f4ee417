/**
 * Probing well-known feed addresses (/feed, /rss.xml, …) of a site, one request at a time,
 * so a site gets no more than one request from Orrery at any moment. Runs only when the user
 * asks (the popup's "look for more feeds", or subscribing to a page that links no feed).
 */
import type { ParsedFeed } from '../feed/types';
import type { FetchOutcome } from '../poll/fetch-feed';
import { fetchForPreview, type FetchDepsLite } from './fetch-for-preview';

/** A feed a probe found, with the response it came in (reusable as the first fetch). */
export interface ProbeHit {
  requestedUrl: string;
  out: FetchOutcome;
  feed: ParsedFeed;
}

/** Options: stop after this many hits; skip URLs already known. */
export interface ProbeOptions {
  maxHits?: number;
  skip?: Set<string>;
}

/** Fetches each candidate in turn; returns the ones that are feeds, each final URL once. */
export async function probeCandidates(urls: string[], deps: FetchDepsLite, opts: ProbeOptions = {}): Promise<ProbeHit[]> {
  const hits: ProbeHit[] = [];
  const seen = new Set(opts.skip ?? []);
  for (const url of urls) {
    if (seen.has(url)) continue;
    seen.add(url);
    const got = await fetchForPreview(url, { timeoutMs: 10_000, ...deps });
    if (got.kind !== 'feed' || seen.has(got.out.finalUrl) && got.out.finalUrl !== url) continue;
    seen.add(got.out.finalUrl);
    hits.push({ requestedUrl: url, out: got.out, feed: got.feed });
    if (opts.maxHits !== undefined && hits.length >= opts.maxHits) break;
  }
  return hits;
}

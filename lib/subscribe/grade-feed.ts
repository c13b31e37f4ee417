/** The grade of a feed: what a reader wants to know before subscribing to it. */
import type { ParsedFeed } from '../feed/types';
import type { FetchOutcome } from '../poll/fetch-feed';
import { contentDepth } from './content-depth';
import { formatLabel } from './format-label';
import { postingCadence } from './posting-cadence';
import type { FeedGrade } from './types';

const MEDIA = /^(?:audio|video)\//i;
const MEDIA_EXT = /\.(?:mp3|m4a|aac|ogg|oga|opus|wav|mp4|m4v|webm|mov)(?:[?#]|$)/i;

/** Grades a parsed feed and the response it came in. */
export function gradeFeed(feed: ParsedFeed, out: Pick<FetchOutcome, 'headers' | 'byteCount' | 'bytes'>, now: number): FeedGrade {
  const times = feed.items.map((i) => i.published ?? i.updated).filter((t): t is number => t !== undefined);
  const cadence = postingCadence(times, now);
  const head = out.bytes ? new TextDecoder().decode(out.bytes.subarray(0, 2048)) : '';
  const lastPostAt = times.length ? Math.max(...times.filter((t) => t <= now + 86_400_000)) : undefined;
  return {
    format: formatLabel(feed.format, head),
    content: contentDepth(feed.items),
    ...(lastPostAt !== undefined && Number.isFinite(lastPostAt) ? { lastPostAt } : {}),
    ...(cadence.postsPerWeek !== undefined ? { postsPerWeek: cadence.postsPerWeek } : {}),
    cadence: cadence.label,
    etag: Boolean(out.headers.etag),
    lastModified: Boolean(out.headers.lastModified),
    itemCount: feed.items.length,
    episodes: feed.items.filter((i) => i.enclosures.some((e) => (e.type ? MEDIA.test(e.type) : MEDIA_EXT.test(e.url)))).length,
    bytes: out.byteCount,
  };
}

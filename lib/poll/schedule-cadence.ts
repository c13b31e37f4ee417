/** How many of a feed's newest posts describe its current rhythm. */
export const CADENCE_POSTS = 10;

// Feeds date posts in the future by mistake (time zones, scheduled posts). A little skew is
// read as "just now"; anything further ahead is a wrong date and would fake a busy feed.
const FUTURE_SKEW_MS = 24 * 60 * 60 * 1000;

/**
 * The mean time between a feed's recent posts, in ms, or undefined when it has none.
 * Measured from the oldest of the last {@link CADENCE_POSTS} posts to *now*, not to the newest
 * post: a feed that once posted hourly but has been silent for a month then reads as slow, and
 * a batch of posts sharing one timestamp (an import, a CMS migration) cannot fake a zero gap.
 */
export function scheduleCadence(postTimes: readonly number[], now: number): number | undefined {
  const recent = postTimes
    .filter((t) => Number.isFinite(t) && t <= now + FUTURE_SKEW_MS)
    .map((t) => Math.min(t, now))
    .sort((a, b) => b - a)
    .slice(0, CADENCE_POSTS);
  const oldest = recent.at(-1);
  if (oldest === undefined) return undefined;
  return (now - oldest) / recent.length;
}

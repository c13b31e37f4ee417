import { describe, expect, it } from 'vitest';
import { nextCheckAt, SCHEDULE_FLOOR_MS, type ScheduleInput, type ScheduleOutcome } from './schedule';

const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;
// Wednesday 15 January 2025, 12:00 UTC.
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const HTTP_NOW = 'Wed, 15 Jan 2025 12:00:00 GMT';

/** Ten posts, `gap` apart, the newest `gap` ago: a feed whose cadence is exactly `gap`. */
function every(gap: number, since = NOW): number[] {
  return Array.from({ length: 10 }, (_, i) => since - gap * (i + 1));
}

function input(over: Partial<ScheduleInput>): ScheduleInput {
  return { now: NOW, outcome: 'ok', errorCount: 0, postTimes: every(H), random: () => 0.5, ...over };
}

describe('nextCheckAt', () => {
  it.each<[string, Partial<ScheduleInput>, number, string]>([
    // Adaptive interval from posting cadence.
    ['hourly poster: clamped to the 1 h minimum', {}, H, 'posts about every 60 min'],
    ['daily poster: checked three times a day', { postTimes: every(D) }, 8 * H, 'posts about every 24 h'],
    ['poster every 6 h: every 2 h', { postTimes: every(6 * H) }, 2 * H, 'posts about every 6 h'],
    ['weekly poster: clamped to the 24 h maximum', { postTimes: every(7 * D) }, D, 'posts about every 7 d'],
    ['no posts: the maximum', { postTimes: [] }, D, 'no recent posts'],
    ['busy a month ago, silent since: slow', { postTimes: every(H, NOW - 30 * D) }, D, 'posts about every 3 d'],
    ['only the last 10 posts count', { postTimes: [...every(D), ...every(H, NOW - 365 * D)] }, 8 * H, 'posts about every 24 h'],
    ['one batch of posts at this instant', { postTimes: [NOW, NOW, NOW] }, H, 'many posts at once'],
    ['far-future dates are ignored', { postTimes: [NOW + 365 * D, ...every(D)] }, 8 * H, 'posts about every 24 h'],
    ['custom bounds: min', { minIntervalMs: 2 * H }, 2 * H, 'posts about every 60 min'],
    ['custom bounds: max', { postTimes: [], maxIntervalMs: 12 * H }, 12 * H, 'no recent posts'],
    ['a minimum under 15 min is raised to 15 min', { minIntervalMs: MIN, postTimes: [NOW] }, 15 * MIN, 'many posts at once'],
    // Per-feed override.
    ['override replaces the adaptive interval', { overrideMinutes: 30 }, 30 * MIN, 'override 30 min'],
    ['override has a 15 min floor', { overrideMinutes: 5 }, 15 * MIN, 'override 15 min'],
    ['override may exceed the maximum', { overrideMinutes: 48 * 60 }, 48 * H, 'override 2 d'],
    ['override of 0 is no override', { overrideMinutes: 0 }, H, 'posts about every 60 min'],
    // RSS ttl.
    ['ttl below the interval changes nothing', { ttlMinutes: 30 }, H, 'posts about every 60 min'],
    ['ttl raises the interval', { ttlMinutes: 360 }, 6 * H, 'ttl 360 min'],
    ['ttl is capped at the maximum', { ttlMinutes: 10_000 }, D, 'ttl 10000 min'],
    ['ttl beats an eager override', { overrideMinutes: 15, ttlMinutes: 60 }, H, 'ttl 60 min'],
    // Cache-Control and Expires.
    ['max-age raises the interval', { headers: { cacheControl: 'public, max-age=7200' } }, 2 * H, 'Cache-Control max-age 2 h'],
    ['max-age below the interval changes nothing', { headers: { cacheControl: 'max-age=60' } }, H, 'posts about every 60 min'],
    ['max-age is capped at the maximum', { headers: { cacheControl: 'max-age=604800' } }, D, 'Cache-Control max-age 7 d'],
    ['s-maxage is ignored', { headers: { cacheControl: 's-maxage=86400' } }, H, 'posts about every 60 min'],
    ['no-store does not go below the minimum', { headers: { cacheControl: 'no-store' } }, H, 'posts about every 60 min'],
    ['max-age=0 does not go below the minimum', { headers: { cacheControl: 'no-cache, max-age=0' } }, H, 'posts about every 60 min'],
    ['Expires relative to Date', { headers: { expires: 'Wed, 15 Jan 2025 15:00:00 GMT', date: HTTP_NOW } }, 3 * H, 'Expires in 3 h'],
    ['Expires with a skewed server clock', { headers: { expires: 'Wed, 15 Jan 2025 17:00:00 GMT', date: 'Wed, 15 Jan 2025 14:00:00 GMT' } }, 3 * H, 'Expires in 3 h'],
    ['Expires in the past changes nothing', { headers: { expires: 'Wed, 15 Jan 2025 11:00:00 GMT' } }, H, 'posts about every 60 min'],
    ['max-age overrides Expires', { headers: { cacheControl: 'max-age=60', expires: 'Wed, 15 Jan 2025 17:00:00 GMT' } }, H, 'posts about every 60 min'],
    ['304 carries fresh cache headers too', { outcome: 'not-modified', headers: { cacheControl: 'max-age=7200' } }, 2 * H, 'Cache-Control max-age 2 h'],
    ['larger of ttl and max-age', { ttlMinutes: 120, headers: { cacheControl: 'max-age=10800' } }, 3 * H, 'Cache-Control max-age 3 h'],
    // Errors back off exponentially from the normal interval.
    ['first error: the normal interval', { outcome: 'error', errorCount: 1, postTimes: every(D) }, 8 * H, 'backoff after 1 error'],
    ['third error: four times it', { outcome: 'error', errorCount: 3 }, 4 * H, 'backoff after 3 errors'],
    ['many errors: capped at 24 h', { outcome: 'error', errorCount: 12 }, D, 'backoff after 12 errors'],
    ['absurd error count: still 24 h', { outcome: 'error', errorCount: 5000 }, D, 'backoff after 5000 errors'],
    ['error count 0 is read as 1', { outcome: 'error', errorCount: 0 }, H, 'backoff after 1 error'],
    ['backoff keeps an override above the cap', { outcome: 'error', errorCount: 3, overrideMinutes: 48 * 60 }, 48 * H, 'backoff after 3 errors'],
    ['backoff starts from ttl', { outcome: 'error', errorCount: 2, ttlMinutes: 180 }, 6 * H, 'backoff after 2 errors'],
    ['cache headers of an error are ignored', { outcome: 'error', errorCount: 1, headers: { cacheControl: 'max-age=7200' } }, H, 'backoff after 1 error'],
    // Retry-After on 429/503.
    ['429 Retry-After under the backoff', { outcome: 'rate-limited', status: 429, errorCount: 1, headers: { retryAfter: '120' } }, H, 'backoff after 1 error'],
    ['429 Retry-After over the backoff', { outcome: 'rate-limited', status: 429, errorCount: 1, headers: { retryAfter: '7200' } }, 2 * H, 'Retry-After 7200 s'],
    ['rate-limited without a status', { outcome: 'rate-limited', errorCount: 1, headers: { retryAfter: '7200' } }, 2 * H, 'Retry-After 7200 s'],
    ['503 Retry-After as an HTTP-date, beyond 24 h', { outcome: 'error', status: 503, errorCount: 1, headers: { retryAfter: 'Sat, 18 Jan 2025 12:00:00 GMT', date: HTTP_NOW } }, 3 * D, 'Retry-After 259200 s'],
    ['Retry-After is capped at 7 days', { outcome: 'rate-limited', status: 429, errorCount: 1, headers: { retryAfter: String(30 * 86_400) } }, 7 * D, 'Retry-After 2592000 s, capped at 7 d'],
    ['Retry-After on a 500 is not a promise', { outcome: 'error', status: 500, errorCount: 1, headers: { retryAfter: '7200' } }, H, 'backoff after 1 error'],
    ['Retry-After on a 200 is ignored', { outcome: 'ok', status: 200, headers: { retryAfter: '7200' } }, H, 'posts about every 60 min'],
    ['garbage Retry-After falls back to backoff', { outcome: 'rate-limited', status: 429, errorCount: 2, headers: { retryAfter: 'soon' } }, 2 * H, 'backoff after 2 errors'],
    // skipHours / skipDays (UTC). The base check is at 13:00 on Wednesday.
    ['skipHours moves to the first allowed hour', { skipHours: [13, 14, 15] }, 4 * H, 'skipHours'],
    ['skipHours not hit', { skipHours: [3, 4] }, H, 'posts about every 60 min'],
    ['skipHours wraps past midnight', { postTimes: every(D), skipHours: [20, 21, 22, 23, 0, 1] }, 14 * H, 'skipHours'],
    ['skipHours counted 1-24: 24 is midnight', { postTimes: every(D), skipHours: [20, 21, 22, 23, 24] }, 13 * H, 'skipHours'],
    ['skipHours covering every hour is ignored', { skipHours: Array.from({ length: 24 }, (_, h) => h) }, H, 'posts about every 60 min'],
    ['skipDays moves to the next allowed midnight', { postTimes: [], skipDays: ['Thursday'] }, 36 * H, 'skipDays'],
    ['skipDays, any case and spacing', { postTimes: [], skipDays: [' thursday ', 'FRIDAY'] }, 60 * H, 'skipDays'],
    ['skipDays then skipHours', { postTimes: [], skipDays: ['Thursday'], skipHours: [0, 1] }, 38 * H, 'skipDays, skipHours'],
    ['Retry-After then skipHours', { outcome: 'rate-limited', status: 429, errorCount: 1, headers: { retryAfter: '7200' }, skipHours: [14] }, 3 * H, 'skipHours'],
    ['backoff then skipDays', { outcome: 'error', errorCount: 5, skipDays: ['Thursday'] }, 36 * H, 'skipDays'],
  ])('%s', (_name, over, intervalMs, reason) => {
    const decision = nextCheckAt(input(over));
    expect(decision).toEqual({ at: NOW + intervalMs, intervalMs, reason });
  });

  it('never checks a gone feed again', () => {
    expect(nextCheckAt(input({ outcome: 'gone', status: 410, errorCount: 1 }))).toEqual({
      at: Infinity,
      intervalMs: Infinity,
      reason: 'gone: never',
    });
  });

  it.each<[string, number, number]>([
    ['lowest jitter', 0, 0.85 * 4 * H],
    ['highest jitter', 1, 1.15 * 4 * H],
    ['a random source out of range is clamped', 7, 1.15 * 4 * H],
    ['a NaN random source means no jitter', Number.NaN, 4 * H],
  ])('jitters backoff: %s', (_name, r, intervalMs) => {
    const decision = nextCheckAt(input({ outcome: 'error', errorCount: 3, random: () => r }));
    expect(decision.intervalMs).toBeCloseTo(intervalMs, 0);
  });

  it('keeps capped backoff under the cap but spread out', () => {
    const spread = [0, 0.25, 0.5, 0.75, 0.999].map(
      (r) => nextCheckAt(input({ outcome: 'error', errorCount: 20, random: () => r })).intervalMs,
    );
    for (const ms of spread) expect(ms).toBeLessThanOrEqual(D);
    expect(new Set(spread).size).toBeGreaterThan(2);
  });

  it('has no jitter without a random source', () => {
    const { random: _omit, ...rest } = input({ outcome: 'error', errorCount: 2 });
    expect(nextCheckAt(rest).intervalMs).toBe(2 * H);
  });

  // Property-like: whatever a feed and a server throw at it, the schedule stays sane.
  it('always schedules at least 15 min ahead, at a real time, for any input', () => {
    const rand = mulberry32(20250115);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const outcomes: ScheduleOutcome[] = ['ok', 'not-modified', 'error', 'rate-limited', 'gone'];
    const headerValues = [undefined, null, '', '0', '-5', '120', '999999999', 'max-age=0', 'max-age=31536000',
      'no-store', 's-maxage=9', 'Wed, 15 Jan 2025 11:00:00 GMT', 'Sat, 18 Jan 2025 12:00:00 GMT',
      'Fri, 01 Jan 2100 00:00:00 GMT', 'garbage'];
    for (let i = 0; i < 3000; i++) {
      const now = NOW + Math.floor(rand() * 400 * D);
      const outcome = pick(outcomes);
      const decision = nextCheckAt({
        now,
        outcome,
        status: pick([undefined, 200, 304, 404, 429, 500, 503]),
        headers: { cacheControl: pick(headerValues), expires: pick(headerValues), retryAfter: pick(headerValues), date: pick(headerValues) },
        errorCount: Math.floor(rand() * 40) - 2,
        postTimes: Array.from({ length: Math.floor(rand() * 30) }, () => now - rand() * 60 * D + pick([0, 0, 365 * D])),
        ttlMinutes: pick([undefined, 0, -5, 1, 60, 1e9, Number.NaN]),
        skipHours: pick([undefined, [], [0, 1, 2, 3, 4, 5], Array.from({ length: 23 }, (_, h) => h), [-1, 25, 7.5]]),
        skipDays: pick([undefined, [], ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'], ['Funday']]),
        overrideMinutes: pick([undefined, 0, 1, 15, 90, -10, Number.POSITIVE_INFINITY]),
        minIntervalMs: pick([undefined, 0, -1, MIN, 6 * H]),
        maxIntervalMs: pick([undefined, 0, MIN, 3 * D]),
        random: pick([rand, () => 0, () => 0.999999]),
      });
      expect(decision.at).toBeGreaterThanOrEqual(now + SCHEDULE_FLOOR_MS);
      expect(decision.intervalMs).toBe(decision.at - now);
      expect(decision.reason).not.toBe('');
      if (outcome === 'gone') expect(decision.at).toBe(Infinity);
      else expect(decision.at).toBeLessThan(now + 16 * D);
    }
  });
});

/** A small seeded PRNG so the property test is random yet reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

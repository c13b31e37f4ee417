/** New interval bounds move the feeds already scheduled, within what servers and feeds asked. */
import { describe, expect, it } from 'vitest';
import { addFeeds } from '../db/feeds';
import { freshDb } from '../db/test-db';
import type { StoredFeed } from '../db/types';
import { reboundFeed, rescheduleForBounds } from './reschedule-bounds';

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = Date.UTC(2026, 5, 10, 12); // a Wednesday, noon UTC
const LAST = NOW - 2 * HOUR;
const DEFAULTS = { minIntervalMs: HOUR, maxIntervalMs: 24 * HOUR };

const feed = (extra: Partial<StoredFeed> = {}): StoredFeed => ({
  id: 'f',
  url: 'https://example.com/feed.xml',
  title: 'F',
  folder: '',
  state: 'active',
  addedAt: 0,
  nextCheckAt: LAST + 20 * HOUR,
  intervalMs: 20 * HOUR,
  scheduleReason: 'posts about every 2 d',
  errorCount: 0,
  fetchCount: 3,
  notModifiedCount: 0,
  bytesReceived: 0,
  lastFetchAt: LAST,
  lastStatus: 'ok',
  ...extra,
});

describe('reboundFeed', () => {
  it('brings a feed in to the lower maximum after its last check, and says why', () => {
    const moved = reboundFeed(feed(), DEFAULTS, { ...DEFAULTS, maxIntervalMs: 6 * HOUR }, NOW);
    expect(moved?.nextCheckAt).toBe(LAST + 6 * HOUR);
    expect(moved?.intervalMs).toBe(6 * HOUR);
    expect(moved?.scheduleReason).toBe('maximum interval 6 h');
  });

  it('caps a failing feed’s backoff too (the scheduler caps backoff by the maximum)', () => {
    const moved = reboundFeed(feed({ errorCount: 4, lastStatus: 'http-error' }), DEFAULTS, { ...DEFAULTS, maxIntervalMs: 3 * HOUR }, NOW);
    expect(moved?.nextCheckAt).toBe(LAST + 3 * HOUR);
  });

  it('never brings a feed in before its server’s Retry-After', () => {
    const f = feed({ errorCount: 1, lastStatus: 'rate-limited', retryAfterUntil: LAST + 10 * HOUR });
    expect(reboundFeed(f, DEFAULTS, { ...DEFAULTS, maxIntervalMs: 3 * HOUR }, NOW)).toBeUndefined();
  });

  it('keeps the feed’s skipHours: the capped time moves out of them', () => {
    // LAST + 3 h is 13:00 UTC; the feed skips 13 and 14.
    const moved = reboundFeed(feed({ skipHours: [13, 14] }), DEFAULTS, { ...DEFAULTS, maxIntervalMs: 3 * HOUR }, NOW);
    expect(new Date(moved!.nextCheckAt).getUTCHours()).toBe(15);
    expect(moved?.scheduleReason).toBe('maximum interval 3 h, then skipHours');
  });

  it('puts off a healthy feed due sooner than the higher minimum, not a failing one nor one due already', () => {
    const soon = feed({ nextCheckAt: NOW + HOUR, intervalMs: 3 * HOUR });
    const moved = reboundFeed(soon, DEFAULTS, { minIntervalMs: 6 * HOUR, maxIntervalMs: 24 * HOUR }, NOW);
    expect(moved?.nextCheckAt).toBe(LAST + 6 * HOUR);
    expect(moved?.scheduleReason).toBe('minimum interval 6 h');
    expect(reboundFeed({ ...soon, errorCount: 1, lastStatus: 'network-error' }, DEFAULTS, { minIntervalMs: 6 * HOUR, maxIntervalMs: 24 * HOUR }, NOW)).toBeUndefined();
    // "Refresh now" made it due: its check goes ahead.
    expect(reboundFeed({ ...soon, nextCheckAt: NOW - 1 }, DEFAULTS, { minIntervalMs: 6 * HOUR, maxIntervalMs: 24 * HOUR }, NOW)).toBeUndefined();
  });

  it('moves nothing for a higher maximum or a lower minimum, nor feeds not scheduled by the bounds', () => {
    expect(reboundFeed(feed(), DEFAULTS, { ...DEFAULTS, maxIntervalMs: 48 * HOUR }, NOW)).toBeUndefined();
    expect(reboundFeed(feed({ nextCheckAt: NOW + HOUR }), DEFAULTS, { ...DEFAULTS, minIntervalMs: 15 * MIN }, NOW)).toBeUndefined();
    const lower = { ...DEFAULTS, maxIntervalMs: 3 * HOUR };
    expect(reboundFeed(feed({ overrideMinutes: 20 * 60 }), DEFAULTS, lower, NOW)).toBeUndefined();
    expect(reboundFeed(feed({ state: 'paused' }), DEFAULTS, lower, NOW)).toBeUndefined();
    expect(reboundFeed(feed({ state: 'gone', nextCheckAt: Infinity }), DEFAULTS, lower, NOW)).toBeUndefined();
    expect(reboundFeed(feed({ syncId: 'feed/1', nextCheckAt: Infinity }), DEFAULTS, lower, NOW)).toBeUndefined();
    const { lastFetchAt: _never, ...unfetched } = feed();
    expect(reboundFeed(unfetched, DEFAULTS, lower, NOW)).toBeUndefined();
  });
});

describe('rescheduleForBounds', () => {
  it('moves the stored feeds the new bounds concern, in one go, and names them', async () => {
    const db = await freshDb();
    const { added } = await addFeeds(db, [0, 1, 2].map((i) => ({ url: `https://f${i}.example/feed.xml`, title: `F${i}`, firstCheckAt: 0 })), 0);
    const [a, b, c] = added;
    await db.put('feeds', { ...a!, lastFetchAt: LAST, lastStatus: 'ok', nextCheckAt: LAST + 20 * HOUR });
    await db.put('feeds', { ...b!, lastFetchAt: LAST, lastStatus: 'ok', nextCheckAt: LAST + 2 * HOUR });
    await db.put('feeds', { ...c!, lastFetchAt: LAST, lastStatus: 'ok', nextCheckAt: LAST + 20 * HOUR, overrideMinutes: 20 * 60 });
    const moved = await rescheduleForBounds(db, DEFAULTS, { ...DEFAULTS, maxIntervalMs: 6 * HOUR }, NOW);
    expect(moved).toEqual([a!.id]);
    expect((await db.get('feeds', a!.id))!.nextCheckAt).toBe(LAST + 6 * HOUR);
    expect((await db.get('feeds', b!.id))!.nextCheckAt).toBe(LAST + 2 * HOUR);
    expect((await db.get('feeds', c!.id))!.nextCheckAt).toBe(LAST + 20 * HOUR);
    expect(await rescheduleForBounds(db, DEFAULTS, DEFAULTS, NOW)).toEqual([]);
  });
});

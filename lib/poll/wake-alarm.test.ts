import { describe, expect, it } from 'vitest';
import { addFeeds, nextDueAt, removeFeed } from '../db/feeds';
import type { Db } from '../db/open-db';
import { freshDb } from '../db/test-db';
import type { StoredFeed } from '../db/types';
import { createPoller } from './create-poller';
import { MIN_WAKE_GAP_MS, WAKE_SAFETY_NET_MINUTES } from './plan-next-wake';
import { createWakeAlarm, POLL_ALARM, type AlarmsLike } from './wake-alarm';

const MIN = 60_000;
const H = 60 * MIN;
const NOW = Date.UTC(2026, 5, 10, 12);

/** A feed whose ten posts are a day apart (checked every 8 h). */
const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${Array.from(
  { length: 10 },
  (_, i) => `<item><title>P${i}</title><guid>g${i}</guid><pubDate>${new Date(NOW - (i + 1) * 24 * H).toUTCString()}</pubDate></item>`,
).join('')}</channel></rss>`;

/** The browser's alarms, as far as the wake alarm uses them. */
function fakeAlarms() {
  const alarms = new Map<string, { when: number; periodInMinutes: number }>();
  const created: number[] = [];
  const api: AlarmsLike = {
    create(name, info) {
      alarms.set(name, info);
      created.push(info.when);
    },
    clear: async (name) => alarms.delete(name),
  };
  return { api, alarms, created };
}

function publisher() {
  const asked: string[] = [];
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    asked.push(String(input));
    // Let the run be under way for a moment, as a real request is.
    await new Promise((r) => setTimeout(r, 5));
    return new Response(RSS, { status: 200 });
  };
  return { fetch: fetch as typeof globalThis.fetch, asked };
}

async function patch(db: Db, url: string, change: Partial<StoredFeed>): Promise<void> {
  const f = (await db.getFromIndex('feeds', 'url', url))!;
  await db.put('feeds', { ...f, ...change });
}

async function setup() {
  const db = await freshDb();
  const alarms = fakeAlarms();
  const pub = publisher();
  const planWake = createWakeAlarm({ db: async () => db, now: () => NOW, settings: async () => ({ maxIntervalMs: 24 * H }), alarms: alarms.api });
  const poller = createPoller({ db: async () => db, fetch: pub.fetch, now: () => NOW, onChange: () => undefined, planWake });
  return { db, alarms, pub, poller };
}

describe('the wake alarm', () => {
  it('after a run: one alarm at the next due feed, repeating hourly only as a safety net', async () => {
    const { db, alarms, poller } = await setup();
    await addFeeds(db, [
      { url: 'http://a.example/feed', firstCheckAt: NOW },
      { url: 'http://b.example/feed', firstCheckAt: NOW + 3 * H },
      { url: 'http://c.example/feed', firstCheckAt: NOW - H },
    ], NOW - 10 * H);
    await patch(db, 'http://c.example/feed', { state: 'gone', nextCheckAt: Infinity });
    await poller.pollDue();
    // a.example was polled: due again in 8 h; b.example at +3 h is the next; gone c never.
    expect((await db.getFromIndex('feeds', 'url', 'http://a.example/feed'))!.nextCheckAt).toBe(NOW + 8 * H);
    expect(alarms.alarms.get(POLL_ALARM)).toEqual({ when: NOW + 3 * H, periodInMinutes: WAKE_SAFETY_NET_MINUTES });
    expect(alarms.alarms.size).toBe(1);
  });

  it('moves when a subscription goes, and is cleared when none is left', async () => {
    const { db, alarms, poller } = await setup();
    const { added } = await addFeeds(db, [
      { url: 'http://a.example/feed', firstCheckAt: NOW + H },
      { url: 'http://b.example/feed', firstCheckAt: NOW + 5 * H },
    ], NOW);
    await poller.planWake();
    expect(alarms.alarms.get(POLL_ALARM)?.when).toBe(NOW + H);
    await removeFeed(db, added[0]!.id);
    await poller.planWake();
    expect(alarms.alarms.get(POLL_ALARM)?.when).toBe(NOW + 5 * H);
    await removeFeed(db, added[1]!.id);
    await poller.planWake();
    expect(alarms.alarms.has(POLL_ALARM)).toBe(false);
  });

  it('a plan asked for during a run waits for its end (in-flight feeds are not "still due")', async () => {
    const { db, alarms, poller } = await setup();
    await addFeeds(db, [{ url: 'http://a.example/feed', firstCheckAt: NOW }, { url: 'http://b.example/feed', firstCheckAt: NOW + 3 * H }], NOW - 10 * H);
    const run = poller.pollDue();
    await poller.planWake();
    await run;
    expect(alarms.created).not.toContain(NOW + MIN_WAKE_GAP_MS);
    expect(alarms.alarms.get(POLL_ALARM)?.when).toBe(NOW + 3 * H);
  });

  it('a wake polls the feeds due within a few minutes too, but none before its Retry-After or too soon after its last check', async () => {
    const { db, pub, poller } = await setup();
    await addFeeds(db, [
      { url: 'http://due.example/feed', firstCheckAt: NOW },
      { url: 'http://soon.example/feed', firstCheckAt: NOW + 8 * MIN },
      { url: 'http://limited.example/feed', firstCheckAt: NOW + 2 * MIN },
      { url: 'http://recent.example/feed', firstCheckAt: NOW + 2 * MIN },
      { url: 'http://later.example/feed', firstCheckAt: NOW + 30 * MIN },
    ], NOW - 10 * H);
    const checked = { intervalMs: 4 * H, lastFetchAt: NOW - 4 * H };
    await patch(db, 'http://soon.example/feed', checked);
    await patch(db, 'http://limited.example/feed', { ...checked, retryAfterUntil: NOW + 2 * MIN });
    await patch(db, 'http://recent.example/feed', { intervalMs: 16 * 60 * MIN, lastFetchAt: NOW - 10 * MIN });
    await patch(db, 'http://later.example/feed', checked);
    await poller.pollDue();
    expect(pub.asked.sort()).toEqual(['http://due.example/feed', 'http://soon.example/feed']);
    expect(await nextDueAt(db)).toBe(NOW + 2 * MIN);
  });
});

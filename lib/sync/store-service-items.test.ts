import { describe, expect, it } from 'vitest';
import { addFeeds } from '../db/feeds';
import { readUnreadCounts } from '../db/queries';
import { freshDb } from '../db/test-db';
import { createGReaderClient } from './greader-client';
import type { ServiceItem } from './greader-parse';
import { runSync } from './run-sync';
import { storeServiceItems } from './store-service-items';
import { fakeGReader } from './test-greader-service';

const DAY = 86_400_000;
const NOW = 1_790_000_000_000;
const item = (n: number, over: Partial<ServiceItem> = {}): ServiceItem => ({ id: String(1000 + n), feed: 'feed/1', title: `P${n}`, url: `http://a.example/${n}`, published: NOW - (10 - n) * DAY, enclosures: [], read: false, starred: false, ...over });

describe('retention of synced posts', () => {
  it('keeps the newest N per feed and nothing older than D days, starred posts excepted, as for polled posts', async () => {
    const db = await freshDb();
    const { added } = await addFeeds(db, [{ url: 'http://a.example/feed.xml', firstCheckAt: Infinity }], NOW);
    const feed = { ...added[0]!, syncId: 'feed/1' };
    await db.put('feeds', feed);
    // Ten posts a day apart, the oldest starred, in two passes: keep 6 posts, 8 days.
    const items = Array.from({ length: 10 }, (_, n) => item(n, n === 0 ? { starred: true } : {}));
    const rule = { keepPosts: 6, keepDays: 8 };
    // A first sync keeps what it received (as a first poll keeps what the feed carries).
    expect(await storeServiceItems(db, items.slice(0, 6), new Map([['feed/1', feed]]), NOW, rule)).toMatchObject({ added: 6, removed: 0 });
    const r = await storeServiceItems(db, items.slice(6), new Map([['feed/1', feed]]), NOW, rule);
    const kept = (await db.getAll('posts')).map((p) => p.title).sort();
    expect(kept).toEqual(['P0', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9']);
    expect(r).toMatchObject({ added: 4, removed: 3 });
    // The unread counts follow the removals (same transaction, same writer).
    expect((await readUnreadCounts(db)).feeds[feed.id]).toBe(7);
  });

  it('a sync pass applies the retention it is given', async () => {
    const svc = fakeGReader();
    svc.subs.push({ id: 'feed/1', url: 'http://one.example/feed.xml', title: 'One', folder: '' });
    for (let i = 0; i < 30; i++) svc.items.push({ id: String(5000 + i), feed: 'feed/1', crawled: NOW / 1000 - 1000 + i, read: false, starred: false });
    const db = await freshDb();
    const client = createGReaderClient({ fetch: svc.fetch, now: () => NOW, account: { server: 'https://fake.example/api/greader.php', username: 'u', password: 'p' } });
    const retention = { keepPosts: 12, keepDays: 0 };
    const first = await runSync({ db, client, now: () => NOW, retention }, {});
    expect(first.result).toMatchObject({ postsAdded: 30, postsExpired: 0 });
    for (let i = 0; i < 5; i++) svc.items.push({ id: String(6000 + i), feed: 'feed/1', crawled: NOW / 1000 + i, read: false, starred: false });
    const second = await runSync({ db, client, now: () => NOW + 1000, retention }, first.cursor);
    expect(second.result).toMatchObject({ postsAdded: 5, postsExpired: 23 });
    expect(await db.count('posts')).toBe(12);
  });
});

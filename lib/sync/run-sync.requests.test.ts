/**
 * What an incremental pass costs in requests, against an in-memory service holding 2,500
 * posts (fake-indexeddb is slow to fill with more): a handful, not one per post or per 1,000
 * ids. Id lists come 10,000 a page, so this holds up to 10,000 unread posts.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/open-db';
import { setRead } from '../db/posts';
import { freshDb } from '../db/test-db';
import { createGReaderClient } from './greader-client';
import { runSync, type SyncCursor } from './run-sync';
import { enqueue, stateEntries } from './sync-queue';
import { fakeGReader } from './test-greader-service';

describe('incremental sync: requests', () => {
  it('after 100 changes on each side and 3 new posts, a pass over 2,500 posts makes 6 requests', async () => {
    const svc = fakeGReader();
    let clock = 1_790_000_000_000;
    const now = () => clock;
    for (let f = 0; f < 50; f++) svc.subs.push({ id: `feed/${f}`, url: `http://blog${f}.example/feed.xml`, title: `Blog ${f}`, folder: `F${f % 5}` });
    for (let i = 0; i < 2_500; i++) svc.items.push({ id: String(1_700_000_000_000_000 + i), feed: `feed/${i % 50}`, crawled: Math.floor(clock / 1000) - 100_000 + i, read: i % 100 === 0, starred: i % 500 === 0 });
    const db: Db = await freshDb();
    // Kept between passes as the worker keeps them in storage.local: a new client each pass.
    const kept: { auth?: string; token?: string } = {};
    const pass = async (cursor: SyncCursor) => {
      const client = createGReaderClient({
        fetch: svc.fetch,
        now,
        account: { server: 'https://fake.example/api/greader.php', username: 'u', password: 'p' },
        ...kept,
        onAuth: (a) => (kept.auth = a),
        onToken: (t) => (kept.token = t),
      });
      svc.requests.length = 0;
      const r = await runSync({ db, client, now }, cursor);
      return { ...r, requests: [...svc.requests] };
    };

    const first = await pass({});
    expect(first.result.postsAdded).toBe(2_500);
    // Login, subscriptions, the ids, 10 batches of contents, unread, starred.
    expect(first.requests).toHaveLength(1 + 1 + 1 + 10 + 1 + 1);

    const changes = async (n: number) => {
      clock += 600_000;
      const posts = (await db.getAllFromIndex('posts', 'bySyncItem')).filter((p) => p.read === 0).slice(0, n);
      await setRead(db, posts.map((p) => [p.feedId, p.id]), true);
      await enqueue(db, await stateEntries(db, posts.map((p) => [p.feedId, p.id]), 'read', true, now()));
      const theirs = svc.items.filter((i) => !i.read && !posts.some((p) => p.syncItemId === i.id)).slice(0, n);
      for (const i of theirs) i.read = true;
      for (let k = 0; k < 3; k++) svc.items.push({ id: String(1_800_000_000_000_000 + clock + k), feed: 'feed/1', crawled: Math.floor(clock / 1000), read: false, starred: false });
      return theirs;
    };
    const theirs = await changes(100);
    const second = await pass(first.cursor);
    expect(second.result).toMatchObject({ postsAdded: 3, statesSent: 100, statesChanged: 100 });
    for (const i of theirs) expect((await db.getFromIndex('posts', 'bySyncItem', i.id))?.read).toBe(1);
    // Subscriptions, new ids since the cursor, their contents, the write token (first write), edit-tag, unread, starred.
    expect(second.requests).toEqual([
      '/reader/api/0/subscription/list',
      '/reader/api/0/stream/items/ids',
      '/reader/api/0/stream/items/contents',
      '/reader/api/0/token',
      '/reader/api/0/edit-tag',
      '/reader/api/0/stream/items/ids',
      '/reader/api/0/stream/items/ids',
    ]);
    // The next pass reuses the write token: 6 requests.
    await changes(100);
    const third = await pass(second.cursor);
    expect(third.requests).toHaveLength(6);
    expect(third.requests).not.toContain('/reader/api/0/token');
  }, 120_000);
});

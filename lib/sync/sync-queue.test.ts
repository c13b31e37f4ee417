import { describe, expect, it } from 'vitest';
import { addFeeds } from '../db/feeds';
import { commitPoll } from '../db/posts';
import { freshDb } from '../db/test-db';
import type { SyncQueueEntry } from '../db/types';
import { backoffMs } from './create-sync';
import { dequeue, enqueue, queuedEntries, stateEntries } from './sync-queue';

const entry = (on: boolean, at: number): SyncQueueEntry => ({ key: 'read:42', kind: 'state', tag: 'read', itemId: '42', on, at });

describe('sync queue', () => {
  it('keeps one entry per item and tag: the latest local change wins', async () => {
    const db = await freshDb();
    await enqueue(db, [entry(true, 1)]);
    await enqueue(db, [entry(false, 2)]);
    expect(await queuedEntries(db)).toEqual([entry(false, 2)]);
  });

  it('a change made while its predecessor was being sent stays queued', async () => {
    const db = await freshDb();
    await enqueue(db, [entry(true, 1)]);
    const sending = await queuedEntries(db);
    await enqueue(db, [entry(false, 2)]);
    await dequeue(db, sending);
    expect(await queuedEntries(db)).toEqual([entry(false, 2)]);
    await dequeue(db, [entry(false, 2)]);
    expect(await queuedEntries(db)).toEqual([]);
  });

  it('queues only posts the service knows (a local-only feed has nothing to send)', async () => {
    const db = await freshDb();
    const { added } = await addFeeds(db, [{ url: 'http://a.example/feed.xml', firstCheckAt: 0 }], 1);
    const feed = added[0]!;
    await commitPoll(db, feed.id, (f) => f, [{ id: 'p1', title: 'P', enclosures: [], categories: [] }], 1);
    expect(await stateEntries(db, [[feed.id, 'p1']], 'read', true, 5)).toEqual([]);
  });

  it('backs off 1, 2, 4 … minutes after failures, at most an hour', () => {
    expect([1, 2, 3, 4, 7, 20].map((n) => backoffMs(n) / 60_000)).toEqual([1, 2, 4, 8, 60, 60]);
  });
});

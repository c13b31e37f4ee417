/** Group commit: polls share transactions, each poll still gets its own honest outcome. */
import { describe, expect, it } from 'vitest';
import type { ParsedItem } from '../feed/types';
import type { FeedCommit } from '../db/commit-feed';
import { addFeeds } from '../db/feeds';
import type { Db } from '../db/open-db';
import { countUnread } from '../db/queries';
import { freshDb } from '../db/test-db';
import { createCommitQueue } from './commit-queue';
import { createReaderGate } from './reader-gate';

const item = (id: string, extra: Partial<ParsedItem> = {}): ParsedItem => ({ id, title: `Post ${id}`, published: 1000, enclosures: [], categories: [], ...extra });

/** `db` counting its read-write transactions. */
function counting(db: Db): { db: Db; writes: () => number } {
  let writes = 0;
  const proxy = new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') {
        return (stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
          if (mode === 'readwrite') writes++;
          return target.transaction(stores as never, mode, options);
        };
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { db: proxy, writes: () => writes };
}

async function feeds(n: number): Promise<{ db: Db; ids: string[] }> {
  const db = await freshDb();
  const { added } = await addFeeds(db, Array.from({ length: n }, (_, i) => ({ url: `http://f${i}.example/feed.xml`, title: `F${i}`, firstCheckAt: 0 })), 0);
  return { db, ids: added.map((f) => f.id) };
}

const job = (feedId: string, items: ParsedItem[], extra: Partial<FeedCommit> = {}): FeedCommit => ({
  feedId,
  update: (f) => ({ ...f, lastStatus: 'ok', fetchCount: f.fetchCount + 1 }),
  items,
  now: 5000,
  ...extra,
});

describe('createCommitQueue', () => {
  it('stores polls that arrive while a commit runs in one transaction, each with its own result', async () => {
    const { db: raw, ids } = await feeds(5);
    const { db, writes } = counting(raw);
    const queue = createCommitQueue(db);
    // The first commits at once; the four arriving meanwhile share the next transaction.
    const results = await Promise.all(ids.map((id, i) => queue.commit(job(id, Array.from({ length: i + 1 }, (_, k) => item(`${i}-${k}`))))));
    expect(results).toEqual(ids.map((_, i) => ({ added: i + 1, updated: 0, removed: 0 })));
    expect(writes()).toBe(2);
    expect(await raw.count('posts')).toBe(15);
    expect(await countUnread(raw)).toBe(15);
    for (const id of ids) expect(await raw.get('feeds', id)).toMatchObject({ lastStatus: 'ok', fetchCount: 1 });
  });

  it('never puts two polls of one feed in the same transaction: the second sees the first', async () => {
    const { db: raw, ids } = await feeds(2);
    const queue = createCommitQueue(raw);
    const [a, b1, b2] = await Promise.all([
      queue.commit(job(ids[0]!, [item('x')])),
      queue.commit(job(ids[1]!, [item('1')])),
      queue.commit(job(ids[1]!, [item('1', { title: 'edited' }), item('2')])),
    ]);
    expect([a, b1, b2]).toEqual([
      { added: 1, updated: 0, removed: 0 },
      { added: 1, updated: 0, removed: 0 },
      { added: 1, updated: 1, removed: 0 },
    ]);
    expect(await raw.get('feeds', ids[1]!)).toMatchObject({ fetchCount: 2 });
  });

  it('when a shared transaction fails, commits each poll alone: the others are stored, the bad one is refused and writes nothing', async () => {
    const { db, ids } = await feeds(4);
    const queue = createCommitQueue(db);
    // A post IndexedDB cannot store (a value it cannot clone) fails its transaction.
    const unstorable = item('bad', { categories: [(() => 'x') as unknown as string] });
    const settled = await Promise.allSettled([
      queue.commit(job(ids[0]!, [item('a')])),
      queue.commit(job(ids[1]!, [item('b')])),
      queue.commit(job(ids[2]!, [unstorable, item('c')])),
      queue.commit(job(ids[3]!, [item('d')])),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(((settled[2] as PromiseRejectedResult).reason as Error).name).toBe('DataCloneError');
    expect((await db.getAllKeys('posts')).map((k) => k[1]).sort()).toEqual(['a', 'b', 'd']);
    expect(await countUnread(db)).toBe(3);
    // The refused poll left its feed as it was (the caller records the failure).
    expect(await db.get('feeds', ids[2]!)).toMatchObject({ fetchCount: 0 });
    expect(await db.get('feeds', ids[3]!)).toMatchObject({ fetchCount: 1 });
  });

  it('settles a poll only once its transaction has committed (a stopped worker loses nothing it was told was stored)', async () => {
    const { db, ids } = await feeds(3);
    const queue = createCommitQueue(db);
    const seen: number[] = [];
    await Promise.all(
      ids.map((id, i) =>
        queue.commit(job(id, [item(`p${i}`)])).then(async () => {
          // Read from another transaction: committed data only.
          seen.push((await db.get('feeds', id))!.fetchCount);
        }),
      ),
    );
    expect(seen).toEqual([1, 1, 1]);
  });

  it('writes nothing for a feed unsubscribed meanwhile, and still stores the others of its batch', async () => {
    const { db, ids } = await feeds(3);
    const queue = createCommitQueue(db);
    const results = await Promise.all([queue.commit(job(ids[0]!, [item('a')])), queue.commit(job('gone', [item('g')])), queue.commit(job(ids[2]!, [item('c')]))]);
    expect(results).toEqual([{ added: 1, updated: 0, removed: 0 }, undefined, { added: 1, updated: 0, removed: 0 }]);
    expect(await db.count('posts')).toBe(2);
  });
});

describe('createCommitQueue with pages reading', () => {
  it('starts no transaction while a page reads its first screen, then commits what arrived meanwhile together', async () => {
    const { db: raw, ids } = await feeds(3);
    const { db, writes } = counting(raw);
    const readers = createReaderGate({ leaseMs: 60_000, maxHoldMs: 60_000 });
    readers.take({ type: 'reading', id: 'page' });
    const queue = createCommitQueue(db, { readers });
    const results = Promise.all(ids.map((id) => queue.commit(job(id, [item(`${id}-1`)]))));
    // Long enough for fake-indexeddb to have committed, were a transaction started.
    await new Promise((r) => setTimeout(r, 50));
    expect(writes()).toBe(0);
    expect(await raw.count('posts')).toBe(0);
    readers.take({ type: 'read', id: 'page' });
    expect(await results).toEqual(ids.map(() => ({ added: 1, updated: 0, removed: 0 })));
    expect(writes()).toBe(1);
    expect(await countUnread(raw)).toBe(3);
  });

  it('aborts the batch under way when a page starts reading, and commits it whole after the read', async () => {
    const { db: raw, ids } = await feeds(2);
    const { db, writes } = counting(raw);
    const readers = createReaderGate({ leaseMs: 60_000, maxHoldMs: 60_000 });
    const queue = createCommitQueue(db, { readers });
    const results = Promise.all(ids.map((id) => queue.commit(job(id, [item(`${id}-1`)]))));
    // The first batch's transaction is open: a page starts reading.
    expect(writes()).toBe(1);
    readers.take({ type: 'reading', id: 'page' });
    await new Promise((r) => setTimeout(r, 50));
    // It gave way: nothing of it was written, and nothing starts while the page reads.
    expect(await raw.count('posts')).toBe(0);
    expect((await raw.get('feeds', ids[0]!))!.fetchCount).toBe(0);
    expect(writes()).toBe(1);
    readers.take({ type: 'read', id: 'page' });
    expect(await results).toEqual(ids.map(() => ({ added: 1, updated: 0, removed: 0 })));
    expect(await raw.count('posts')).toBe(2);
    expect(await countUnread(raw)).toBe(2);
    for (const id of ids) expect((await raw.get('feeds', id))!.fetchCount).toBe(1);
  });

  it('gives way once per batch: a batch that gave way commits though another page starts reading', async () => {
    const { db: raw, ids } = await feeds(1);
    const { db, writes } = counting(raw);
    const readers = createReaderGate({ leaseMs: 60_000, maxHoldMs: 60_000 });
    const queue = createCommitQueue(db, { readers });
    const result = queue.commit(job(ids[0]!, [item('a')]));
    readers.take({ type: 'reading', id: 'page-1' });
    await new Promise((r) => setTimeout(r, 20));
    readers.take({ type: 'read', id: 'page-1' });
    // The batch starts again; another page starts reading while it runs.
    await new Promise((r) => setTimeout(r, 0));
    expect(writes()).toBe(2);
    readers.take({ type: 'reading', id: 'page-2' });
    expect(await result).toEqual({ added: 1, updated: 0, removed: 0 });
    expect(writes()).toBe(2);
    expect(await raw.count('posts')).toBe(1);
  });

  it('commits the polls of a batch that gave way one transaction each, so another page waits for one poll, not a batch', async () => {
    const { db: raw, ids } = await feeds(4);
    const { db, writes } = counting(raw);
    const readers = createReaderGate({ leaseMs: 60_000, maxHoldMs: 60_000 });
    readers.take({ type: 'reading', id: 'page-0' });
    const queue = createCommitQueue(db, { readers });
    // Four polls wait behind a page's read, then go as one batch.
    const results = Promise.all(ids.map((id) => queue.commit(job(id, [item(`${id}-1`)]))));
    readers.take({ type: 'read', id: 'page-0' });
    // Until its transaction is open: the batch is still reading (a batch that writes commits).
    for (let i = 0; i < 50 && writes() === 0; i++) await Promise.resolve();
    expect(writes()).toBe(1);
    // A page starts reading while that batch is under way: it gives way.
    readers.take({ type: 'reading', id: 'page-1' });
    await new Promise((r) => setTimeout(r, 20));
    expect(await raw.count('posts')).toBe(0);
    readers.take({ type: 'read', id: 'page-1' });
    expect(await results).toEqual(ids.map(() => ({ added: 1, updated: 0, removed: 0 })));
    // One aborted transaction, then one per poll.
    expect(writes()).toBe(1 + 4);
    expect(await raw.count('posts')).toBe(4);
    expect(await countUnread(raw)).toBe(4);
  });
  it('keeps a batch to ~1.5 M characters of post text: Planet-sized feeds of 100 full-text posts share a transaction two at a time, not eight', async () => {
    const { db: raw, ids } = await feeds(5);
    const { db, writes } = counting(raw);
    const queue = createCommitQueue(db);
    // 100 posts of 7,000 characters each: 700,000 characters per poll.
    const text = `<p>${'word '.repeat(1400)}</p>`;
    const big = (id: string) => Array.from({ length: 100 }, (_, k) => item(`${id}-${k}`, { contentHtml: text }));
    // The first commits at once; the four arriving meanwhile go two by two.
    const results = await Promise.all(ids.map((id) => queue.commit(job(id, big(id)))));
    expect(results).toEqual(ids.map(() => ({ added: 100, updated: 0, removed: 0 })));
    expect(writes()).toBe(3);
    expect(await raw.count('posts')).toBe(500);
  });

  it('puts a poll over the text bound in a transaction of its own', async () => {
    const { db: raw, ids } = await feeds(3);
    const { db, writes } = counting(raw);
    const queue = createCommitQueue(db, { maxChars: 1_000 });
    const long = (id: string) => [item(`${id}-1`, { contentHtml: 'x'.repeat(600) })];
    await Promise.all(ids.map((id) => queue.commit(job(id, long(id)))));
    // One at once, then the two that arrived meanwhile one by one (together they are over the bound).
    expect(writes()).toBe(3);
    expect(await countUnread(raw)).toBe(3);
  });
});

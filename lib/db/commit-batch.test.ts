/** A batch gives way to a page only while it reads: once it writes, it commits. */
import { describe, expect, it } from 'vitest';
import type { ParsedItem } from '../feed/types';
import { commitBatch } from './commit-batch';
import { addFeeds } from './feeds';
import type { Db } from './open-db';
import { countUnread } from './queries';
import { freshDb } from './test-db';

const items = (site: string, n: number): ParsedItem[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${site}-${i}`, title: `Post ${i}`, published: 1000 + i, url: `https://${site}/p/${i}`, contentHtml: `<p>${site} ${i}</p>`, enclosures: [], categories: [] }));

async function twoFeeds(): Promise<{ db: Db; jobs: Parameters<typeof commitBatch>[1] }> {
  const db = await freshDb();
  const { added } = await addFeeds(db, ['a', 'b'].map((n) => ({ url: `http://${n}.example/feed.xml`, title: n, folder: '', firstCheckAt: 0 })), 0);
  return { db, jobs: added.map((f) => ({ feedId: f.id, update: (x: typeof f) => ({ ...x, fetchCount: x.fetchCount + 1 }), items: items(`${f.id}.example`, 5), now: 10 })) };
}

/** Runs `work` with `onPut` called as each object store put is sent. */
async function onFirstPut<T>(onPut: () => void, work: () => Promise<T>): Promise<T> {
  const proto = IDBObjectStore.prototype as unknown as { put: (...a: unknown[]) => IDBRequest };
  const put = proto.put;
  let fired = false;
  proto.put = function (this: unknown, ...a: unknown[]) {
    if (!fired) {
      fired = true;
      onPut();
    }
    return put.apply(this, a);
  };
  try {
    return await work();
  } finally {
    proto.put = put;
  }
}

describe('commitBatch and a page that starts reading', () => {
  it('gives way while the batch still reads: nothing of it is written', async () => {
    const { db, jobs } = await twoFeeds();
    const giveWay = new AbortController();
    const run = commitBatch(db, jobs, giveWay.signal);
    giveWay.abort();
    await expect(run).rejects.toBeDefined();
    expect(await db.count('posts')).toBe(0);
    expect((await db.get('feeds', jobs[0]!.feedId))!.fetchCount).toBe(0);
  });

  it('commits a batch that has begun writing: the browser would run its writes, then undo them', async () => {
    const { db, jobs } = await twoFeeds();
    const giveWay = new AbortController();
    const results = await onFirstPut(
      () => giveWay.abort(),
      () => commitBatch(db, jobs, giveWay.signal),
    );
    expect(giveWay.signal.aborted).toBe(true);
    expect(results).toEqual([
      { added: 5, updated: 0, removed: 0 },
      { added: 5, updated: 0, removed: 0 },
    ]);
    expect(await db.count('posts')).toBe(10);
    expect(await countUnread(db)).toBe(10);
    for (const j of jobs) expect((await db.get('feeds', j.feedId))!.fetchCount).toBe(1);
  });
});

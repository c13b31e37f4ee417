import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/open-db';
import { POST_STORES, postWriter, type PostTx } from '../db/post-writes';
import { countUnread } from '../db/queries';
import { dbWithOneFeed } from '../db/test-db';
import type { StoredPost } from '../db/types';
import type { ParsedItem } from '../feed/types';
import { mergeUnlinkedCopies } from './merge-unlinked-copies';

const NOW = Date.UTC(2026, 5, 1);
const item = (id: string): ParsedItem => ({ id, title: `Post ${id}`, url: `https://a.example/${id}`, published: NOW, enclosures: [], categories: [] });

let db: Db;
let feedId: string;
beforeEach(async () => {
  ({ db, feedId } = await dbWithOneFeed([item('one'), item('two')], NOW));
});

/** `db`, counting the read-write transactions opened through it. */
function countingWrites(target: Db): { db: Db; writes: () => number } {
  let n = 0;
  const proxy = new Proxy(target, {
    get(t, p) {
      if (p === 'transaction') {
        return (stores: never, mode?: IDBTransactionMode, opts?: IDBTransactionOptions) => {
          if (mode === 'readwrite') n++;
          return t.transaction(stores, mode, opts);
        };
      }
      const v: unknown = Reflect.get(t, p, t);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
  return { db: proxy, writes: () => n };
}

/** Stores the service's copy of a post (as a sync while connected did): read, named by the service's id. */
async function storeServiceCopy(id: string, url: string): Promise<void> {
  const tx = db.transaction([...POST_STORES], 'readwrite') as unknown as PostTx;
  const w = await postWriter(tx);
  const copy: StoredPost = {
    feedId, id, title: 'copy', url, firstSeen: NOW - 1000, sortKey: NOW, enclosures: [], categories: [],
    read: 1, starred: 1, folder: '', updatedAt: NOW, syncItemId: '42',
  };
  await w.put(undefined, copy);
  await w.save();
  await tx.done;
}

describe('merging the service copies of posts after a disconnect', () => {
  it('hands read, starred and first-seen to Orrery\'s own copy and removes the service copy', async () => {
    await storeServiceCopy('gr:42', 'https://a.example/one');
    expect(await mergeUnlinkedCopies(db, feedId)).toBe(1);
    const posts = await db.getAll('posts');
    expect(posts.map((p) => p.id).sort()).toEqual(['one', 'two']);
    const one = posts.find((p) => p.id === 'one')!;
    expect([one.read, one.starred, one.firstSeen]).toEqual([1, 1, NOW - 1000]);
    expect(await countUnread(db)).toBe(1);
  });

  it('hands the copies other feeds folded under the service copy to Orrery\'s own copy: none is left hidden under a removed post', async () => {
    await storeServiceCopy('gr:42', 'https://a.example/one');
    // Another feed's copy of the post, folded under the service copy (which lists it).
    const tx = db.transaction([...POST_STORES], 'readwrite') as unknown as PostTx;
    const w = await postWriter(tx);
    const service = (await tx.objectStore('posts').get([feedId, 'gr:42']))!;
    await w.put(service, { ...service, alsoIn: [['other', 'b1']] });
    const copy: StoredPost = {
      feedId: 'other', id: 'b1', title: 'Post one', url: 'https://b.example/one', firstSeen: NOW, sortKey: NOW, enclosures: [], categories: [],
      read: 1, starred: 0, folder: '', updatedAt: NOW, dupOf: [feedId, 'gr:42'],
    };
    await w.put(undefined, copy);
    await w.save();
    await tx.done;

    expect(await mergeUnlinkedCopies(db, feedId)).toBe(1);
    const b1 = await db.get('posts', ['other', 'b1']);
    expect(b1?.dupOf).toEqual([feedId, 'one']);
    expect((await db.get('posts', [feedId, 'one']))?.alsoIn).toEqual([['other', 'b1']]);
  });

  it('opens no read-write transaction for a feed that holds no service copy (pages would queue behind it)', async () => {
    const counted = countingWrites(db);
    expect(await mergeUnlinkedCopies(counted.db, feedId)).toBe(0);
    expect(counted.writes()).toBe(0);
  });
});

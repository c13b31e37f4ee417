import { describe, expect, it } from 'vitest';
import { addFeeds, updateFeed } from '../../lib/db/feeds';
import { commitPoll, setRead } from '../../lib/db/posts';
import { freshDb } from '../../lib/db/test-db';
import type { Db } from '../../lib/db/open-db';
import type { ParsedItem } from '../../lib/feed/types';
import { polledChange, mergeChanges, type StoredChange } from '../../lib/messaging/stored-change';
import { loadSide, patchSide } from '../timeline/side-data';
import type { PolledChange } from '../use-live-query';
import { loadPopupData, patchPopupData, popupDetails } from './popup-data';

const item = (id: string, published: number): ParsedItem => ({ id, title: id, published, enclosures: [], categories: [] });

async function threeFeeds(db: Db): Promise<string[]> {
  const { added } = await addFeeds(
    db,
    ['a', 'b', 'c'].map((n, i) => ({ url: `http://${n}.example/`, title: `Feed ${n}`, folder: i < 2 ? 'Blogs' : '', firstCheckAt: 0 })),
    0,
  );
  return added.map((f) => f.id);
}

/** What a page reads, counting the feed records it takes from the database. */
function counting(db: Db): { db: Db; feedsRead: () => number } {
  let n = 0;
  const wrapped = new Proxy(db, {
    get(target, prop) {
      if (prop === 'getAll') return (store: string, ...rest: unknown[]) => target.getAll(store as never, ...(rest as [])).then((r: unknown[]) => ((n += store === 'feeds' ? r.length : 0), r));
      if (prop === 'transaction') {
        return (stores: string | string[], ...rest: unknown[]) => {
          const tx = target.transaction(stores as never, ...(rest as []));
          const names = typeof stores === 'string' ? [stores] : stores;
          if (!names.includes('feeds')) return tx;
          const store = tx.objectStore('feeds' as never) as { get: (k: string) => Promise<unknown>; getAll: () => Promise<unknown[]> };
          const get = store.get.bind(store);
          const getAll = store.getAll.bind(store);
          store.get = (k) => get(k).then((r) => ((n += r ? 1 : 0), r));
          store.getAll = () => getAll().then((r) => ((n += r.length), r));
          return tx;
        };
      }
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { db: wrapped, feedsRead: () => n };
}

describe('the popup and the sidebar patched after polls', () => {
  it('show what a full read shows, after new posts, a status change and posts read', async () => {
    const db = await freshDb();
    const [a, b, c] = await threeFeeds(db);
    let popup = await loadPopupData(db);
    let side = await loadSide(db);
    const steps: [() => Promise<unknown>, StoredChange][] = [
      [() => commitPoll(db, a!, (f) => ({ ...f, lastFetchAt: 10, lastStatus: 'ok' }), [item('a1', 100), item('a2', 200)], 10), polledChange(a!, true)],
      [() => commitPoll(db, c!, (f) => ({ ...f, lastFetchAt: 11, errorCount: 5, state: 'active', lastStatus: 'http-error', lastMessage: 'Server error' }), [], 11), polledChange(c!, false)],
      [
        () => commitPoll(db, b!, (f) => ({ ...f, lastFetchAt: 12 }), [item('b1', 300)], 12),
        mergeChanges(polledChange(b!, true), polledChange(a!, false)),
      ],
    ];
    for (const [write, change] of steps) {
      await write();
      popup = await patchPopupData(db, popup, change as PolledChange);
      side = await patchSide(db, side, change as PolledChange);
      expect(popupDetails(popup, undefined)).toEqual(popupDetails(await loadPopupData(db), undefined));
      expect(side).toEqual(await loadSide(db));
    }
    expect(popupDetails(popup, undefined).recent.map((p) => p.id)).toEqual(['b1', 'a2', 'a1']);
    expect(side.total).toBe(3);
    expect(popupDetails(popup, undefined).failing.map((f) => f.id)).toEqual([c]);
    // A rename is a reader's change ("everything"), but a feed record re-read by a poll carries it too.
    await updateFeed(db, a!, { title: 'Zulu' }, 20);
    await setRead(db, [[b!, 'b1']], true);
    popup = await patchPopupData(db, popup, mergeChanges(polledChange(a!, false), polledChange(b!, true)) as PolledChange);
    expect(popupDetails(popup, undefined)).toEqual(popupDetails(await loadPopupData(db), undefined));
    expect(popupDetails(popup, undefined).groups).toEqual([{ kind: 'folder', id: 'Blogs', label: 'Blogs', unread: 2 }]);
  });

  it('read only the feeds a change names, not every feed', async () => {
    const db = await freshDb();
    const [a] = await threeFeeds(db);
    const popup = await loadPopupData(db);
    const side = await loadSide(db);
    await commitPoll(db, a!, (f) => ({ ...f, lastFetchAt: 10 }), [item('a1', 100)], 10);
    const watched = counting(db);
    await patchPopupData(watched.db, popup, polledChange(a!, true) as PolledChange);
    await patchSide(watched.db, side, polledChange(a!, true) as PolledChange);
    expect(watched.feedsRead()).toBe(2);
  });
});

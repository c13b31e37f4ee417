import { describe, expect, it } from 'vitest';
import type { ParsedItem } from '../feed/types';
import { saveRules } from '../rules/rule-store';
import { addFeeds } from './feeds';
import { commitBatch } from './commit-batch';
import { commitPoll } from './posts';
import { freshDb } from './test-db';

const DAY = 86_400_000;
const items = (site: string, from: number, n: number): ParsedItem[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${site}-${from + i}`, title: `A long enough title ${from + i}`, published: 5 * DAY + i, url: `https://${site}/p/${from + i}`, enclosures: [], categories: [] }));

const METHODS = ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor', 'put', 'add', 'delete'] as const;

/**
 * The round trips to the database `work` waits for before its first write: runs of requests sent
 * together, each run sent once a request of the run before had answered.
 */
async function readRoundTrips(work: () => Promise<unknown>): Promise<number> {
  const log: ('read' | 'write' | 'done')[] = [];
  const protos = [IDBObjectStore.prototype, IDBIndex.prototype] as unknown as Record<string, (...a: unknown[]) => IDBRequest>[];
  const saved = protos.map((p) => Object.fromEntries(METHODS.filter((m) => m in p).map((m) => [m, p[m]!])));
  protos.forEach((p, i) => {
    for (const [m, fn] of Object.entries(saved[i]!)) {
      p[m] = function (this: unknown, ...a: unknown[]) {
        const req = fn.apply(this, a);
        log.push(m === 'put' || m === 'add' || m === 'delete' ? 'write' : 'read');
        req.addEventListener('success', () => log.push('done'));
        return req;
      };
    }
  });
  try {
    await work();
  } finally {
    protos.forEach((p, i) => Object.assign(p, saved[i]));
  }
  let trips = 0;
  for (let i = 0; i < log.length && log[i] !== 'write'; i++) if (log[i] === 'read' && (i === 0 || log[i - 1] === 'done')) trips++;
  return trips;
}

describe('a commit of new posts', () => {
  it('sends the counts, the rules, the feed and its post keys in one round trip, then the duplicate-key ranges', async () => {
    const db = await freshDb();
    const { added } = await addFeeds(db, [{ url: 'http://a.example/feed.xml', title: 'a', folder: '', firstCheckAt: 0 }], 0);
    const feed = added[0]!;
    await saveRules(db, [{ id: 'r1', action: 'hide', match: 'phrase', pattern: 'nothing matches this', fields: ['title'], scope: { kind: 'all' }, enabled: true }]);
    await commitPoll(db, feed.id, (f) => f, items('a.example', 0, 20), 10);
    expect(await readRoundTrips(() => commitPoll(db, feed.id, (f) => f, items('a.example', 20, 20), 20))).toBe(2);
    // The rules still apply: the rule's title hides a new post.
    await commitPoll(db, feed.id, (f) => f, [{ ...items('a.example', 40, 1)[0]!, title: 'Nothing matches this one' }], 30);
    expect((await db.get('posts', [feed.id, 'a.example-40']))!.hiddenBy).toBeDefined();
  });

  it('several feeds in one batch: still two', async () => {
    const db = await freshDb();
    const { added } = await addFeeds(db, ['a', 'b', 'c'].map((n) => ({ url: `http://${n}.example/feed.xml`, title: n, folder: '', firstCheckAt: 0 })), 0);
    const jobs = added.map((f, k) => ({ feedId: f.id, update: (x: typeof f) => x, items: items(`s${k}.example`, 0, 10), now: 10 }));
    expect(await readRoundTrips(() => commitBatch(db, jobs))).toBe(2);
    // And everything is stored as it was.
    expect(await db.count('posts')).toBe(30);
    expect((await db.get('meta', 'counts')) as { total: number }).toMatchObject({ total: 30 });
  });
});

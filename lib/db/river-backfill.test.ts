import 'fake-indexeddb/auto';
import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRulesToStored } from '../rules/apply-rules-to-stored';
import { saveRules } from '../rules/rule-store';
import type { Rule } from '../rules/types';
import { countPosts } from './count-posts';
import { openOrreryDb, type Db } from './open-db';
import { commitPoll, setStarred } from './posts';
import { queryPosts, type PostQuery } from './queries';
import { RIVER_FILL_BATCH, riverIndexReady, runRiverBackfill } from './river-backfill';
import { riverKeysOf, RIVER_FILL_KEY } from './river-keys';
import { DB_VERSION, LEGACY_RIVER_INDEXES, MIGRATIONS, type OrreryDB } from './schema';
import { installGetAllRecords, uninstallGetAllRecords } from './test-db';
import type { StoredPost } from './types';

const FOLDERS = ['Blogs', 'Podcasts'];
const FEEDS = ['f0', 'f1', 'f2'];
const POSTS = 1000;

/** A database as Orrery's v5 left it: three feeds, posts with no riverKeys, some hidden, folded or starred, the ledger and counts kept. */
async function v5Database(name: string): Promise<void> {
  const db = await openDB<OrreryDB>(name, 5, {
    upgrade(udb, oldVersion, _n, tx) {
      for (let i = oldVersion; i < 5; i++) MIGRATIONS[i]!(udb as never, tx as never, oldVersion);
    },
  });
  // Untyped: the `unread` store of these versions is gone from the current schema (v8).
  const tx = (db as unknown as IDBPDatabase).transaction(['feeds', 'posts', 'unread', 'unreadByFeed', 'unreadByFolder', 'meta'], 'readwrite');
  FEEDS.forEach((id, i) => {
    void tx.objectStore('feeds').put({
      id, url: `http://${id}.example/feed.xml`, title: id, folder: FOLDERS[i % 2]!, state: 'active', addedAt: 1,
      nextCheckAt: 2, intervalMs: 0, scheduleReason: '', errorCount: 0, fetchCount: 1, notModifiedCount: 0, bytesReceived: 0,
    });
  });
  const counts = { total: 0, posts: 0, feeds: {} as Record<string, number>, folders: {} as Record<string, number> };
  for (let i = 0; i < POSTS; i++) {
    const f = i % FEEDS.length;
    const feedId = FEEDS[f]!;
    const folder = FOLDERS[f % 2]!;
    const read = i % 3 === 0 ? 0 : 1;
    const post: StoredPost = {
      feedId, id: `p${i}`, title: `Post ${i}`, firstSeen: i, sortKey: i, enclosures: [], categories: [], read, starred: i % 7 === 0 ? 1 : 0, folder, updatedAt: i,
      // The newest 150 hidden by a rule (a river whose top a rule hid), some folded under an older post.
      ...(i >= POSTS - 150 ? { hiddenBy: 'r' } : {}),
      ...(i % 11 === 5 && i < POSTS - 150 ? { dupOf: [FEEDS[(f + 1) % 3]!, `p${i - 4}`] as [string, string] } : {}),
    };
    void tx.objectStore('posts').put(post);
    counts.posts++;
    if (read === 0) {
      counts.total++;
      counts.feeds[feedId] = (counts.feeds[feedId] ?? 0) + 1;
      counts.folders[folder] = (counts.folders[folder] ?? 0) + 1;
      void tx.objectStore('unread').put(1, [i, feedId, post.id]);
      void tx.objectStore('unreadByFeed').put(1, [feedId, i, post.id]);
      void tx.objectStore('unreadByFolder').put(1, [folder, i, feedId, post.id]);
    }
  }
  void tx.objectStore('meta').put(counts, 'counts');
  await tx.done;
  db.close();
}

/** Every page of a river, 40 posts at a time. */
async function pageAll(db: Db, q: Omit<PostQuery, 'limit' | 'after'>): Promise<string[]> {
  const out: string[] = [];
  let page = await queryPosts(db, { ...q, limit: 40 });
  out.push(...page.posts.map((p) => `${p.feedId}/${p.id}`));
  while (page.next) {
    expect(page.posts.length).toBeGreaterThan(0);
    page = await queryPosts(db, { ...q, limit: 40, after: page.next });
    out.push(...page.posts.map((p) => `${p.feedId}/${p.id}`));
  }
  return out;
}

const newestFirst = (ps: StoredPost[]) => [...ps].sort((a, b) => b.sortKey - a.sortKey || indexedDB.cmp([b.feedId, b.id], [a.feedId, a.id]));
const ids = (ps: StoredPost[]) => ps.map((p) => `${p.feedId}/${p.id}`);

/** The rivers (everything, each folder, starred, each feed) and their counts, against what a scan of the posts says they show. */
async function expectRivers(db: Db): Promise<void> {
  const all = await db.getAll('posts');
  const river = newestFirst(all.filter((p) => p.hiddenBy === undefined && p.dupOf === undefined));
  expect(await pageAll(db, { filter: 'all' })).toEqual(ids(river));
  expect(await countPosts(db, { filter: 'all' })).toBe(river.length);
  expect(await pageAll(db, { filter: 'starred' })).toEqual(ids(river.filter((p) => p.starred === 1)));
  expect(await countPosts(db, { filter: 'starred' })).toBe(river.filter((p) => p.starred === 1).length);
  for (const folder of FOLDERS) {
    expect(await pageAll(db, { filter: 'all', folder })).toEqual(ids(river.filter((p) => p.folder === folder)));
    expect(await countPosts(db, { filter: 'all', folder })).toBe(river.filter((p) => p.folder === folder).length);
  }
  for (const feedId of FEEDS) {
    expect(await pageAll(db, { filter: 'all', feedId })).toEqual(ids(newestFirst(all.filter((p) => p.feedId === feedId && p.hiddenBy === undefined))));
  }
  expect(await pageAll(db, { filter: 'unread' })).toEqual(ids(river.filter((p) => p.read === 0)));
}

/** Every post's riverKeys are what a rewrite of every post (the first v6 migration) gives it. */
async function expectKeysAsFullRewrite(db: Db): Promise<void> {
  for (const p of await db.getAll('posts')) expect(p.riverKeys, `${p.feedId}/${p.id}`).toEqual(riverKeysOf(p));
}

const hideRule = (pattern: string): Rule => ({ id: 'r2', action: 'hide', match: 'regex', pattern, fields: ['title'], scope: { kind: 'all' }, enabled: true });

afterEach(() => uninstallGetAllRecords());

describe('v6 backfill of riverKeys', () => {
  it('the upgrade rewrites no post: the index is created empty and the backfill is left to do', async () => {
    const name = `backfill-upgrade-${Math.random()}`;
    await v5Database(name);
    const db = await openOrreryDb(name);
    expect(db.version).toBe(DB_VERSION);
    // v7 keeps the v5 indexes while the backfill is under way: the rivers read them.
    expect([...db.transaction('posts').store.indexNames]).toEqual(expect.arrayContaining([...LEGACY_RIVER_INDEXES]));
    expect(await db.countFromIndex('posts', 'byRiver')).toBe(0);
    expect((await db.getAll('posts')).some((p) => p.riverKeys !== undefined)).toBe(false);
    expect(await db.get('meta', RIVER_FILL_KEY)).toEqual({ done: false });
    expect(await riverIndexReady(db)).toBe(false);
    // The rivers are right at once, from the v5 indexes.
    await expectRivers(db);
    db.close();
  });

  it.each(['getAllRecords', 'cursor'])(
    'stopped after k batches and reopened, resumes where it stopped and ends with the keys of a full rewrite; rivers right throughout (%s)',
    async (how) => {
      if (how === 'getAllRecords') installGetAllRecords();
      const name = `backfill-resume-${how}-${Math.random()}`;
      await v5Database(name);
      let db = await openOrreryDb(name);
      const batches = Math.ceil(POSTS / RIVER_FILL_BATCH);
      let run = 0;
      // Stopped after two batches: the worker was stopped.
      expect(await runRiverBackfill(db, { stop: () => run++ >= 2 })).toBe(false);
      const keyed = (await db.getAll('posts')).filter((p) => p.riverKeys !== undefined).length;
      expect(keyed).toBeGreaterThan(0);
      expect(keyed).toBeLessThan(POSTS - 150);
      expect(await riverIndexReady(db)).toBe(false);
      await expectRivers(db);

      // A river paged on the v5 indexes while the backfill ends stays right across the switch.
      const first = await queryPosts(db, { filter: 'all', limit: 40 });
      expect(first.next?.legacy).toBe(true);

      // Reopened (the worker's next wake): changes to what posts show made meanwhile keep their keys.
      db.close();
      db = await openOrreryDb(name);
      await saveRules(db, [hideRule('^Post [0-9]*3$')]);
      await applyRulesToStored(db);
      await setStarred(db, ['f1', 'p1'], true);
      await commitPoll(db, 'f0', (f) => f, [{ id: 'new', title: 'New post', published: 5_000, enclosures: [], categories: [] }], 5_000);
      await expectRivers(db);
      run = 0;
      expect(await runRiverBackfill(db, { stop: () => run++ >= 1 })).toBe(false);
      await expectRivers(db);

      // The rest: it resumes from its saved position, not from the start.
      run = 0;
      expect(await runRiverBackfill(db, { stop: () => (run++, false) })).toBe(true);
      expect(run).toBeLessThanOrEqual(batches - 3 + 1);
      expect(await riverIndexReady(db)).toBe(true);
      expect(await db.get('meta', RIVER_FILL_KEY)).toEqual({ done: true });
      await expectKeysAsFullRewrite(db);
      await expectRivers(db);
      // The page read before the end goes on at the same place, over byRiver (its cursor turned into byRiver's key).
      const second = await queryPosts(db, { filter: 'all', limit: 40, after: first.next! });
      const all = newestFirst((await db.getAll('posts')).filter((p) => p.hiddenBy === undefined && p.dupOf === undefined));
      const at = ids(all).indexOf(ids(first.posts).at(-1)!);
      expect(second.posts.length).toBe(40);
      expect(second.next?.legacy).toBeUndefined();
      expect(ids(second.posts)).toEqual(ids(all).slice(at + 1, at + 1 + second.posts.length));
      expect((await queryPosts(db, { filter: 'all', limit: 40 })).next?.legacy).toBeUndefined();

      // After the backfill, rules still move posts in and out of the index.
      await saveRules(db, []);
      await applyRulesToStored(db);
      await expectKeysAsFullRewrite(db);
      await expectRivers(db);
      db.close();
    },
    // A thousand posts paged through every river six times: seconds of fake-indexeddb, more on a loaded machine.
    120_000,
  );

  it('a second run while one is under way joins it; a done backfill reads one record and writes nothing', async () => {
    const name = `backfill-join-${Math.random()}`;
    await v5Database(name);
    const db = await openOrreryDb(name);
    const a = runRiverBackfill(db);
    expect(runRiverBackfill(db)).toBe(a);
    expect(await a).toBe(true);
    await expectKeysAsFullRewrite(db);
    expect(await runRiverBackfill(db)).toBe(true);
    db.close();
  });
});

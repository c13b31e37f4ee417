import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedItem } from '../feed/types';
import { applyRulesToStored } from '../rules/apply-rules-to-stored';
import { saveRules } from '../rules/rule-store';
import type { Rule } from '../rules/types';
import { countPosts } from './count-posts';
import { addFeeds, removeFeedForUndo, restoreFeed, updateFeed } from './feeds';
import type { Db } from './open-db';
import { commitPoll, setRead, setStarred } from './posts';
import { newestShownSortKey, queryPosts, type PostQuery } from './queries';
import { freshDb, getAllRecordsCalls, installGetAllRecords, recordsRead, uninstallGetAllRecords } from './test-db';
import type { StoredPost } from './types';

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const hideRule = (pattern: string): Rule => ({ id: 'hide', action: 'hide', match: 'regex', pattern, fields: ['title'], scope: { kind: 'all' }, enabled: true });

/** Every page of a river, read 7 posts at a time. */
async function pageAll(db: Db, q: Omit<PostQuery, 'limit' | 'after'>): Promise<StoredPost[]> {
  const out: StoredPost[] = [];
  let page = await queryPosts(db, { ...q, limit: 7 });
  out.push(...page.posts);
  while (page.next) {
    expect(page.posts.length).toBeGreaterThan(0);
    page = await queryPosts(db, { ...q, limit: 7, after: page.next });
    out.push(...page.posts);
  }
  return out;
}

const ids = (ps: StoredPost[]) => ps.map((p) => `${p.feedId}/${p.id}`);
const newestFirst = (ps: StoredPost[]) => [...ps].sort((a, b) => b.sortKey - a.sortKey || indexedDB.cmp([b.feedId, b.id], [a.feedId, a.id]));

/** The river's indexes agree with what each post is: riverKey only on shown posts, pages and counts as a scan says. */
async function expectRiverMatchesPosts(db: Db): Promise<void> {
  const all = await db.getAll('posts');
  const shown = (p: StoredPost) => p.hiddenBy === undefined && p.dupOf === undefined;
  for (const p of all) {
    const want = shown(p) ? [['', p.sortKey], [`f:${p.folder}`, p.sortKey], ...(p.starred === 1 ? [['s', p.sortKey]] : [])] : undefined;
    expect(p.riverKeys, `${p.feedId}/${p.id}`).toEqual(want);
  }
  const river = newestFirst(all.filter(shown));
  expect(ids(await pageAll(db, { filter: 'all' }))).toEqual(ids(river));
  expect(await countPosts(db, { filter: 'all' })).toBe(river.length);
  expect(ids(await pageAll(db, { filter: 'starred' }))).toEqual(ids(river.filter((p) => p.starred === 1)));
  expect(await countPosts(db, { filter: 'starred' })).toBe(river.filter((p) => p.starred === 1).length);
  expect(await newestShownSortKey(db, { filter: 'all' })).toBe(river[0]?.sortKey);
  for (const folder of ['Blogs', 'Podcasts', 'Other']) {
    const inFolder = river.filter((p) => p.folder === folder);
    expect(ids(await pageAll(db, { filter: 'all', folder }))).toEqual(ids(inFolder));
    expect(await countPosts(db, { filter: 'all', folder })).toBe(inFolder.length);
  }
  for (const feedId of new Set(all.map((p) => p.feedId))) {
    // A feed's own river shows its folded copies, never hidden posts.
    const own = newestFirst(all.filter((p) => p.feedId === feedId && p.hiddenBy === undefined));
    expect(ids(await pageAll(db, { filter: 'all', feedId }))).toEqual(ids(own));
    expect(await countPosts(db, { filter: 'all', feedId })).toBe(own.length);
  }
}

afterEach(() => uninstallGetAllRecords());

describe('riverKeys: the river index holds exactly the posts the river shows', () => {
  // Pages as Chromium reads them (getAllRecords, one request) and as Firefox does (a cursor).
  it.each([
    [3, 'getAllRecords'],
    [19, 'cursor'],
    [2026, 'getAllRecords'],
    [7, 'cursor'],
  ])('after random polls, folded copies, rules hiding and unhiding, retention, moves and removals (seed %i, %s)', async (seed, how) => {
    if (how === 'getAllRecords') installGetAllRecords();
    const db = await freshDb();
    const random = seeded(seed);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
    const { added } = await addFeeds(
      db,
      ['planet', 'a', 'b', 'c'].map((n, i) => ({ url: `http://${n}.example/`, title: n, folder: i < 2 ? 'Blogs' : 'Podcasts', firstCheckAt: 0 })),
      0,
    );
    const feeds = added.map((f) => f.id);
    let undo: Awaited<ReturnType<typeof removeFeedForUndo>>;
    for (let step = 0; step < 120; step++) {
      const feedId = pick(feeds);
      const r = random();
      if (r < 0.4) {
        // Posts share links across feeds (so later copies fold), titles carry a number rules match.
        const items: ParsedItem[] = Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
          const n = Math.floor(random() * 30);
          return { id: `p${n}-${Math.floor(random() * 3)}`, title: `Post #${n}`, url: `https://site.example/${n}`, published: Math.floor(random() * 1000), enclosures: [], categories: [] };
        });
        await commitPoll(db, feedId, (f) => f, items, step, random() < 0.3 ? { keepPosts: 6, keepDays: 0 } : undefined);
      } else if (r < 0.55) {
        // A hide rule changes, then is applied to the stored posts: some posts hide, others come back.
        await saveRules(db, random() < 0.2 ? [] : [hideRule(`#${Math.floor(random() * 3)}\\d?$`)]);
        await applyRulesToStored(db);
      } else if (r < 0.7) {
        const posts = (await queryPosts(db, { filter: 'all', feedId, limit: 50 })).posts;
        if (posts.length) await setStarred(db, [feedId, pick(posts).id], random() < 0.6);
      } else if (r < 0.8) {
        const posts = (await queryPosts(db, { filter: 'all', feedId, limit: 50 })).posts;
        if (posts.length) await setRead(db, [[feedId, pick(posts).id]], random() < 0.5);
      } else if (r < 0.9) {
        await updateFeed(db, feedId, { folder: pick(['Blogs', 'Podcasts', 'Other']) }, step);
      } else if (!undo) {
        undo = await removeFeedForUndo(db, feedId);
      } else {
        await restoreFeed(db, undo);
        undo = undefined;
      }
      if (step % 20 === 19) await expectRiverMatchesPosts(db);
    }
    await expectRiverMatchesPosts(db);
    await saveRules(db, [hideRule('#1\\d?$')]);
    await applyRulesToStored(db);
    await expectRiverMatchesPosts(db);
    const all = await db.getAll('posts');
    // The run covered what it is about.
    expect(all.some((p) => p.hiddenBy !== undefined)).toBe(true);
    expect(all.some((p) => p.dupOf !== undefined)).toBe(true);
  });

  it.each(['getAllRecords', 'cursor'])('a page is never empty while shown posts follow: a rule hiding the newest 300 posts of a feed (%s)', async (how) => {
    if (how === 'getAllRecords') installGetAllRecords();
    const db = await freshDb();
    const { added } = await addFeeds(db, [{ url: 'http://a.example/', title: 'a', folder: 'Blogs', firstCheckAt: 0 }], 0);
    const feedId = added[0]!.id;
    const items: ParsedItem[] = Array.from({ length: 400 }, (_, i) => ({ id: `p${i}`, title: i >= 100 ? `Sponsored ${i}` : `Post ${i}`, published: i, enclosures: [], categories: [] }));
    await commitPoll(db, feedId, (f) => f, items, 0);
    await saveRules(db, [hideRule('^sponsored')]);
    await applyRulesToStored(db);
    for (const q of [{ filter: 'all', feedId }, { filter: 'all' }, { filter: 'all', folder: 'Blogs' }] as const) {
      const first = await queryPosts(db, { ...q, limit: 40 });
      expect(first.posts.map((p) => p.id).slice(0, 2)).toEqual(['p99', 'p98']);
      expect(first.posts).toHaveLength(40);
      const second = await queryPosts(db, { ...q, limit: 40, after: first.next! });
      expect(second.posts[0]!.id).toBe('p59');
    }
    // A full page of everything or of a folder reads the page and one more record, not the 300
    // hidden ones above it (a cursor's reads are not counted here: getAllRecords only).
    for (const q of how === 'getAllRecords' ? ([{ filter: 'all' }, { filter: 'all', folder: 'Blogs' }] as const) : []) {
      getAllRecordsCalls.records = 0;
      let page: Awaited<ReturnType<typeof queryPosts>> | undefined;
      const read = await recordsRead(async () => (page = await queryPosts(db, { ...q, limit: 40 })));
      expect(page!.posts).toHaveLength(40);
      expect(read + getAllRecordsCalls.records, q.folder ?? 'everything').toBe(41);
    }
    // Unhiding brings them back to the top.
    await saveRules(db, []);
    await applyRulesToStored(db);
    expect((await queryPosts(db, { filter: 'all', limit: 1 })).posts[0]!.id).toBe('p399');
  });
});

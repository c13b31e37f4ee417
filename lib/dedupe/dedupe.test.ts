import { describe, expect, it, vi } from 'vitest';
import { addFeeds } from '../db/feeds';
import { commitBatch } from '../db/commit-batch';
import { commitPoll, setRead, setStarred } from '../db/posts';
import { countPosts } from '../db/count-posts';
import { countUnread, queryPosts } from '../db/queries';
import { saveRules } from '../rules/rule-store';
import { freshDb, recordsRead } from '../db/test-db';
import type { ParsedItem } from '../feed/types';
import type { Db } from '../db/open-db';
import { alsoInOf } from './also-in';
import { canonicalLink, dupKeys } from './dup-keys';

const DAY = 86_400_000;
const item = (id: string, title: string, published: number, url?: string): ParsedItem => ({ id, title, published, enclosures: [], categories: [], ...(url ? { url } : {}) });

/** Every copy folded under the post at `key`, as readers see them. */
async function alsoIn(db: Db, key: [string, string]) {
  const tx = db.transaction('posts');
  const shown = await tx.store.get(key);
  const list = await alsoInOf(tx.store.index('byFolded'), shown!);
  await tx.done;
  return list;
}

async function setup() {
  const db = await freshDb();
  const { added } = await addFeeds(
    db,
    ['planet', 'author', 'mirror'].map((n) => ({ url: `http://${n}.example/feed.xml`, title: n, folder: '', firstCheckAt: 0 })),
    1000,
  );
  return { db, planet: added[0]!, author: added[1]!, mirror: added[2]! };
}

describe('duplicate keys', () => {
  it('canonical links ignore scheme, www, fragments, tracking parameters and trailing slashes', () => {
    const same = ['https://www.Blog.example/post/1/', 'http://blog.example/post/1#comments', 'https://blog.example/post/1?utm_source=rss&utm_medium=feed'];
    expect(new Set(same.map(canonicalLink))).toEqual(new Set(['blog.example/post/1']));
    expect(canonicalLink('https://blog.example/post/1?p=2')).toBe('blog.example/post/1?p=2');
    expect(canonicalLink('javascript:alert(1)')).toBeUndefined();
  });

  it('uses ids only when they are global (URLs, tag: and urn: ids, UUIDs), titles with their site', () => {
    expect(dupKeys({ id: '1234', title: 'Short', url: 'https://a.example/x' })).toEqual(['l:a.example/x']);
    expect(dupKeys({ id: 'tag:a.example,2024:1', title: 'A longer title', url: 'https://a.example/x' })).toEqual(['l:a.example/x', 'i:tag:a.example,2024:1', 't:a.example|a longer title']);
    expect(dupKeys({ id: 'https://a.example/x/', title: 'x' })).toEqual(['l:a.example/x']);
  });

  it("parses a post's link once when its id is that link (every new post pays for this at ingest)", () => {
    const Real = URL;
    let parsed = 0;
    globalThis.URL = class extends Real {
      constructor(url: string | URL, base?: string | URL) {
        super(url, base);
        parsed++;
      }
    };
    try {
      expect(dupKeys({ id: 'https://a.example/x', title: 'A longer title', url: 'https://a.example/x' })).toEqual(['l:a.example/x', 't:a.example|a longer title']);
      expect(parsed).toBe(1);
    } finally {
      globalThis.URL = Real;
    }
  });
});

describe('duplicates folded at ingest', () => {
  it('looks keys up with no promise per request: a commit of 40 new posts with keys adds as many request listeners as one of 4', async () => {
    const { db, planet, author } = await setup();
    const posts = (feed: string, from: number, n: number) =>
      Array.from({ length: n }, (_, i) => item(`${feed}${from + i}`, `A long enough title ${from + i}`, 5 * DAY, `https://${feed}.example/p/${from + i}`));
    const listeners = async (work: () => Promise<unknown>) => {
      const spy = vi.spyOn(IDBRequest.prototype, 'addEventListener');
      try {
        await work();
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const few = await listeners(() => commitPoll(db, author.id, (f) => f, posts('author', 0, 4), 10));
    const many = await listeners(() => commitPoll(db, planet.id, (f) => f, posts('planet', 100, 40), 20));
    expect(many).toBe(few);
    // Still folded: the planet's copies of the author's posts fold under them.
    await commitPoll(db, planet.id, (f) => f, [item('copy', 'A long enough title 0', 5 * DAY, 'https://author.example/p/0')], 30);
    expect((await db.get('posts', [planet.id, 'copy']))!.dupOf).toEqual([author.id, 'author0']);
  });

  it('the same link through a Planet and the author’s feed is shown once, with "also in"', async () => {
    const { db, planet, author } = await setup();
    await commitPoll(db, author.id, (f) => f, [item('a1', 'My post', 5 * DAY, 'https://blog.example/my-post/')], 10);
    await commitPoll(db, planet.id, (f) => f, [item('http://blog.example/my-post', 'Author: My post', 5 * DAY, 'http://blog.example/my-post?utm_source=planet'), item('p2', 'Other', 4 * DAY, 'https://other.example/')], 20);
    const river = (await queryPosts(db, { filter: 'all', limit: 10 })).posts;
    expect(river.map((p) => p.id)).toEqual(['a1', 'p2']);
    expect(river[0]!.alsoIn).toEqual([[planet.id, 'http://blog.example/my-post']]);
    // The copy is counted once, and still listed in its own feed.
    expect(await countUnread(db)).toBe(2);
    expect((await queryPosts(db, { filter: 'all', feedId: planet.id, limit: 10 })).posts.map((p) => p.id)).toEqual(['http://blog.example/my-post', 'p2']);
    expect((await queryPosts(db, { filter: 'unread', limit: 10 })).posts.map((p) => p.id)).toEqual(['a1', 'p2']);
  });

  it('reading or starring the post marks every copy', async () => {
    const { db, planet, author, mirror } = await setup();
    await commitPoll(db, author.id, (f) => f, [item('tag:blog.example,2026:7', 'Cross-posted piece', 5 * DAY, 'https://blog.example/7')], 10);
    await commitPoll(db, planet.id, (f) => f, [item('tag:blog.example,2026:7', 'Cross-posted piece', 5 * DAY, 'https://planet.example/r/7')], 20);
    await commitPoll(db, mirror.id, (f) => f, [item('m7', 'Elsewhere', 5 * DAY, 'https://blog.example/7/')], 30);
    expect(await alsoIn(db, [author.id, 'tag:blog.example,2026:7'])).toEqual([[planet.id, 'tag:blog.example,2026:7'], [mirror.id, 'm7']]);
    await setStarred(db, [planet.id, 'tag:blog.example,2026:7'], true);
    for (const k of [[author.id, 'tag:blog.example,2026:7'], [planet.id, 'tag:blog.example,2026:7'], [mirror.id, 'm7']] as [string, string][]) {
      expect((await db.get('posts', k))!.starred, k.join()).toBe(1);
    }
    // Reading a copy (in its own feed's river) reads the shown post.
    await setRead(db, [[mirror.id, 'm7']], true);
    expect((await db.get('posts', [author.id, 'tag:blog.example,2026:7']))!.read).toBe(1);
    expect(await countUnread(db)).toBe(0);
    // A copy arriving after the post was read arrives read.
    await setRead(db, [[author.id, 'tag:blog.example,2026:7']], true);
  });

  it('reads only the shown post of a copy, however many copies are stored, and none for a post without copies', async () => {
    const { db, planet, author, mirror } = await setup();
    const { added } = await addFeeds(db, [{ url: 'http://extra.example/feed.xml', title: 'extra', folder: '', firstCheckAt: 0 }], 1000);
    const extra = added[0]!;
    const post = (id: string) => item(id, 'A post found everywhere', 5 * DAY, 'https://blog.example/everywhere');
    await commitPoll(db, author.id, (f) => f, [post('a')], 10);
    await commitPoll(db, planet.id, (f) => f, [post('p')], 20);
    await commitPoll(db, mirror.id, (f) => f, [post('m')], 30);
    const read = await recordsRead(() => commitPoll(db, extra.id, (f) => f, [post('e'), item('new', 'Nothing like it', 5 * DAY, 'https://else.example/1')], 40));
    expect(read).toBe(1);
    expect((await db.get('posts', [extra.id, 'e']))!.dupOf).toEqual([author.id, 'a']);
    // The first copy is listed on the shown post; the later ones come from the index, in key order.
    const later: [string, string][] = [[mirror.id, 'm'], [extra.id, 'e']];
    expect(await alsoIn(db, [author.id, 'a'])).toEqual([[planet.id, 'p'], ...later.sort((a, b) => indexedDB.cmp(a, b))]);
  });

  it('copies committed in one batch: every one is listed on the shown post, and two new ones fold together', async () => {
    const { db, planet, author, mirror } = await setup();
    const { added } = await addFeeds(db, [{ url: 'http://extra.example/feed.xml', title: 'extra', folder: '', firstCheckAt: 0 }], 1000);
    const extra = added[0]!;
    const job = (feedId: string, items: ParsedItem[]) => ({ feedId, update: <T,>(f: T) => f, items, now: 50 });
    await commitPoll(db, author.id, (f) => f, [item('a', 'Stored before the batch', 5 * DAY, 'https://blog.example/a')], 10);
    await commitBatch(db, [
      job(planet.id, [item('p', 'Stored before the batch', 5 * DAY, 'https://blog.example/a'), item('pn', 'New in the batch', 6 * DAY, 'https://blog.example/n')]),
      job(mirror.id, [item('m', 'Stored before the batch', 5 * DAY, 'https://blog.example/a'), item('mn', 'New in the batch', 6 * DAY, 'https://blog.example/n')]),
      job(extra.id, [item('en', 'New in the batch', 6 * DAY, 'https://blog.example/n')]),
    ]);
    expect((await db.get('posts', [author.id, 'a']))!.alsoIn).toEqual([[planet.id, 'p'], [mirror.id, 'm']]);
    const river = (await queryPosts(db, { filter: 'all', limit: 10 })).posts;
    expect(river.map((p) => p.id)).toEqual(['pn', 'a']);
    expect(river[0]!.alsoIn).toEqual([[mirror.id, 'mn'], [extra.id, 'en']]);
    expect((await db.get('posts', [extra.id, 'en']))!.dupOf).toEqual([planet.id, 'pn']);
    expect(await countUnread(db)).toBe(2);
  });

  it('a copy arriving after the shown post lists copies writes only itself: the shown post is not written again', async () => {
    const { db, planet, author, mirror } = await setup();
    const { added } = await addFeeds(db, ['x', 'y'].map((n) => ({ url: `http://${n}.example/feed.xml`, title: n, folder: '', firstCheckAt: 0 })), 1000);
    const post = (id: string) => item(id, 'A post found everywhere', 5 * DAY, 'https://blog.example/everywhere');
    const feeds = [author, planet, mirror, ...added];
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    // One poll per commit, as copies arrive in a first refresh: each in a later batch than the last.
    const writes: { posts: string[]; ledger: number }[] = [];
    for (const [i, feed] of feeds.entries()) {
      put.mockClear();
      await commitPoll(db, feed.id, (f) => f, [post(`c${i}`)], 10 + i);
      const calls = put.mock.calls.map((c, n) => ({ store: (put.mock.contexts[n] as IDBObjectStore).name, value: c[0] as { feedId: string; id: string } }));
      writes.push({
        posts: calls.filter((c) => c.store === 'posts').map((c) => `${c.value.feedId === feed.id ? 'own' : 'other'}:${c.value.id}`),
        ledger: calls.filter((c) => c.store.startsWith('unread')).length,
      });
    }
    put.mockRestore();
    // The shown post (and its ledger entries: by feed and by folder; with no folder it has no
    // overall one, lib/db/unread-overall.ts), then its first copy, which it lists.
    expect(writes[0]).toEqual({ posts: ['own:c0'], ledger: 2 });
    expect(writes[1]).toEqual({ posts: ['other:c0', 'own:c1'], ledger: 0 });
    // Every later copy: one record, its own, and no ledger entry (a copy arrives read).
    for (const w of writes.slice(2)) expect(w).toEqual({ posts: [expect.stringMatching(/^own:c\d$/)], ledger: 0 });
    // Readers still see every copy (the listed one first, then the others in key order), and one unread post.
    const keys = feeds.slice(1).map((f, i): [string, string] => [f.id, `c${i + 1}`]);
    const listed = [keys[0]!, ...keys.slice(1).sort((a, b) => indexedDB.cmp(a, b))];
    expect(await alsoIn(db, [author.id, 'c0'])).toEqual(listed);
    // A river page is one read: its post carries the stored list, which the timeline completes once painted.
    for (const filter of ['all', 'unread'] as const) {
      const page = (await queryPosts(db, { filter, limit: 10 })).posts;
      expect(page.map((p) => p.alsoIn)).toEqual([[keys[0]]]);
      expect(await alsoInOf(db.transaction('posts').store.index('byFolded'), page[0]!)).toEqual(listed);
    }
    expect(await countUnread(db)).toBe(1);
    // Reading the last copy reads them all.
    await setRead(db, [keys[3]!], true);
    expect(await countUnread(db)).toBe(0);
    for (const k of [[author.id, 'c0'] as [string, string], ...keys]) expect((await db.get('posts', k))!.read, k.join()).toBe(1);
  });

  it('the same title from the same site folds only within days', async () => {
    const { db, planet, author } = await setup();
    await commitPoll(db, author.id, (f) => f, [item('w1', 'Weekly links: Python', 10 * DAY, 'https://blog.example/?p=1')], 10);
    await commitPoll(db, planet.id, (f) => f, [item('x1', 'Weekly links: Python', 11 * DAY, 'https://blog.example/?p=1&amp=1'), item('x2', 'Weekly links: Python', 30 * DAY, 'https://blog.example/?p=9')], 20);
    const river = (await queryPosts(db, { filter: 'all', limit: 10 })).posts;
    expect(river.map((p) => p.id)).toEqual(['x2', 'w1']);
  });

  it('two posts of one feed are never folded together', async () => {
    const { db, author } = await setup();
    await commitPoll(db, author.id, (f) => f, [item('1', 'Same title here', DAY, 'https://blog.example/a'), item('2', 'Same title here', DAY, 'https://blog.example/a')], 10);
    expect((await queryPosts(db, { filter: 'all', limit: 10 })).posts).toHaveLength(2);
  });
});

describe('river counts leave out folded copies and hidden posts', () => {
  it('counts what each river shows (aria-setsize, "N posts")', async () => {
    const { db, planet, author } = await setup();
    await saveRules(db, [{ id: 'h', action: 'hide', match: 'words', pattern: 'advert', fields: ['title'], scope: { kind: 'all' }, enabled: true }]);
    await commitPoll(db, author.id, (f) => f, [item('a1', 'My post', 5 * DAY, 'https://blog.example/1'), item('a2', 'An advert', 4 * DAY, 'https://blog.example/2')], 10);
    await commitPoll(db, planet.id, (f) => f, [item('p1', 'My post', 5 * DAY, 'https://blog.example/1'), item('p2', 'An advert', 4 * DAY, 'https://blog.example/2'), item('p3', 'Own', 3 * DAY, 'https://planet.example/3')], 20);
    await setStarred(db, [author.id, 'a1'], true);
    for (const q of [{}, { feedId: planet.id }, { feedId: author.id }, { folder: '' }] as const) {
      for (const filter of ['all', 'starred'] as const) {
        const count = await countPosts(db, { filter, ...q });
        if (count === undefined) continue;
        const shown = (await queryPosts(db, { filter, ...q, limit: 50 })).posts.length;
        expect(count, `${filter} ${JSON.stringify(q)}`).toBe(shown);
      }
    }
    expect(await countPosts(db, { filter: 'all' })).toBe(2);
  });
});

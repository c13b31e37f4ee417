import { describe, expect, it } from 'vitest';
import type { ParsedItem } from '../feed/types';
import { addFeeds } from './feeds';
import { commitPoll, markAllRead, setRead, setStarred } from './posts';
import { countUnread, countUnreadInFeed, countUnreadInFolder, queryPosts } from './queries';
import { freshDb, recordsRead } from './test-db';

const item = (id: string, published: number | undefined, extra: Partial<ParsedItem> = {}): ParsedItem => ({
  id,
  title: `Post ${id}`,
  ...(published !== undefined ? { published } : {}),
  enclosures: [],
  categories: [],
  ...extra,
});

async function setup() {
  const db = await freshDb();
  const { added } = await addFeeds(db, [{ url: 'http://a.example/feed.xml', title: 'A', folder: 'Blogs', firstCheckAt: 0 }], 1000);
  const feed = added[0]!;
  return { db, feed };
}

describe('commitPoll', () => {
  it('stores each post once, however often it is fetched', async () => {
    const { db, feed } = await setup();
    const items = [item('1', 100), item('2', 200)];
    expect(await commitPoll(db, feed.id, (f) => f, items, 5000)).toEqual({ added: 2, updated: 0, removed: 0 });
    expect(await commitPoll(db, feed.id, (f) => f, items, 6000)).toEqual({ added: 0, updated: 0, removed: 0 });
    expect(await db.count('posts')).toBe(2);
  });

  it('updates a changed post in place and keeps its read and starred state', async () => {
    const { db, feed } = await setup();
    await commitPoll(db, feed.id, (f) => f, [item('1', 100)], 5000);
    await setRead(db, [[feed.id, '1']], true);
    await setStarred(db, [feed.id, '1'], true);
    const r = await commitPoll(db, feed.id, (f) => f, [item('1', 100, { title: 'Post 1 (fixed typo)' })], 6000);
    expect(r).toEqual({ added: 0, updated: 1, removed: 0 });
    const post = await db.get('posts', [feed.id, '1']);
    expect(post).toMatchObject({ title: 'Post 1 (fixed typo)', read: 1, starred: 1, firstSeen: 5000, updatedAt: 6000 });
  });

  it('gives a post without a date the time it was first seen, and keeps it', async () => {
    const { db, feed } = await setup();
    await commitPoll(db, feed.id, (f) => f, [item('x', undefined)], 5000);
    await commitPoll(db, feed.id, (f) => f, [item('x', undefined, { summary: 'now with text' })], 9000);
    expect(await db.get('posts', [feed.id, 'x'])).toMatchObject({ firstSeen: 5000, sortKey: 5000, summary: 'now with text' });
  });

  it('writes nothing when the feed was unsubscribed while its request was in flight', async () => {
    const db = await freshDb();
    expect(await commitPoll(db, 'gone-id', (f) => f, [item('1', 1)], 5000)).toBeUndefined();
    expect(await db.count('posts')).toBe(0);
  });

  it('commits the feed state with the posts', async () => {
    const { db, feed } = await setup();
    await commitPoll(db, feed.id, (f) => ({ ...f, etag: '"v1"', lastStatus: 'ok' }), [item('1', 1)], 5000);
    expect(await db.get('feeds', feed.id)).toMatchObject({ etag: '"v1"', lastStatus: 'ok' });
  });
});

describe('retention', () => {
  it('keeps the newest N, drops old posts, but never starred ones or ones still in the feed', async () => {
    const { db, feed } = await setup();
    const DAY = 86_400_000;
    const now = 1000 * DAY;
    const old = Array.from({ length: 10 }, (_, i) => item(`old${i}`, now - (100 + i) * DAY));
    await commitPoll(db, feed.id, (f) => f, old, now);
    await setStarred(db, [feed.id, 'old9'], true);
    const fresh = Array.from({ length: 5 }, (_, i) => item(`new${i}`, now - i * DAY));
    const r = await commitPoll(db, feed.id, (f) => f, [...fresh, old[0]!], now, { keepPosts: 3, keepDays: 30 });
    expect(r?.removed).toBe(8);
    const left = (await db.getAll('posts')).map((p) => p.id).sort();
    // new0..new4 are in the feed; old0 is still in the feed; old9 is starred.
    expect(left).toEqual(['new0', 'new1', 'new2', 'new3', 'new4', 'old0', 'old9']);
  });

  it('ranks posts newest first as the river does, posts of one date by id, descending', async () => {
    const { db, feed } = await setup();
    const dates: Record<string, number> = { a: 1, b: 2, c: 3, d: 3, e: 3, f: 4, g: 5, h: 6 };
    await commitPoll(db, feed.id, (f) => f, Object.entries(dates).map(([id, d]) => item(id, d * 1000)), 10_000);
    // The feed now lists only "a": of the others, the 4 newest stay (h, g, f, then e of the three on day 3).
    const r = await commitPoll(db, feed.id, (f) => f, [item('a', 1000)], 10_000, { keepPosts: 4, keepDays: 0 });
    expect(r?.removed).toBe(3);
    expect((await db.getAll('posts')).map((p) => p.id).sort()).toEqual(['a', 'e', 'f', 'g', 'h']);
  });
});

describe('what a commit reads', () => {
  it('reads the records of the items it already has and of the posts retention removes, not the rest of the feed', async () => {
    const { db, feed } = await setup();
    const stored = Array.from({ length: 60 }, (_, i) => item(`p${i}`, 1000 + i));
    await commitPoll(db, feed.id, (f) => f, stored, 5000);
    // Two items the feed still lists (one of them changed), five new ones: 65 posts, keeping 61 drops the 4 oldest.
    const fetched = [item('p59', 1059), item('p58', 1058, { title: 'edited' }), ...Array.from({ length: 5 }, (_, i) => item(`n${i}`, 2000 + i))];
    let r: Awaited<ReturnType<typeof commitPoll>>;
    const read = await recordsRead(async () => {
      r = await commitPoll(db, feed.id, (f) => f, fetched, 6000, { keepPosts: 61, keepDays: 0 });
    });
    expect(r!).toEqual({ added: 5, updated: 1, removed: 4 });
    expect(read).toBe(2 + 4);
    expect((await db.getAll('posts')).map((p) => p.id)).not.toContain('p0');
  });
});

describe('counts and pages', () => {
  it('counts unread posts in total, per feed and per folder, and pages newest first', async () => {
    const { db, feed } = await setup();
    const items = Array.from({ length: 25 }, (_, i) => item(String(i), 1000 + i));
    await commitPoll(db, feed.id, (f) => f, items, 5000);
    await setRead(db, [[feed.id, '24'], [feed.id, '0']], true);
    expect(await countUnread(db)).toBe(23);
    expect(await countUnreadInFeed(db, feed.id)).toBe(23);
    expect(await countUnreadInFolder(db, 'Blogs')).toBe(23);
    const seen: string[] = [];
    let page = await queryPosts(db, { filter: 'all', limit: 10 });
    seen.push(...page.posts.map((p) => p.id));
    while (page.next) {
      page = await queryPosts(db, { filter: 'all', limit: 10, after: page.next });
      seen.push(...page.posts.map((p) => p.id));
    }
    expect(seen).toEqual(items.map((i) => i.id).reverse());
    const unread = await queryPosts(db, { filter: 'unread', limit: 100 });
    expect(unread.posts.map((p) => p.id)).not.toContain('24');
    expect(unread.posts).toHaveLength(23);
    const inFolder = await queryPosts(db, { filter: 'all', folder: 'Blogs', limit: 5 });
    expect(inFolder.posts.map((p) => p.id)).toEqual(['24', '23', '22', '21', '20']);
  });

  it('pages through posts that share one timestamp without skipping or repeating', async () => {
    const { db, feed } = await setup();
    await commitPoll(db, feed.id, (f) => f, Array.from({ length: 7 }, (_, i) => item(`s${i}`, 500)), 5000);
    const ids: string[] = [];
    let page = await queryPosts(db, { filter: 'all', limit: 3 });
    ids.push(...page.posts.map((p) => p.id));
    while (page.next) {
      page = await queryPosts(db, { filter: 'all', limit: 3, after: page.next });
      ids.push(...page.posts.map((p) => p.id));
    }
    expect(new Set(ids).size).toBe(7);
    expect(ids).toHaveLength(7);
  });

  it('marks everything read and returns the keys for undo', async () => {
    const { db, feed } = await setup();
    await commitPoll(db, feed.id, (f) => f, [item('1', 1), item('2', 2)], 5000);
    const keys = await markAllRead(db);
    expect(keys).toHaveLength(2);
    expect(await countUnread(db)).toBe(0);
    await setRead(db, keys, false);
    expect(await countUnread(db)).toBe(2);
  });

  it('lists starred posts', async () => {
    const { db, feed } = await setup();
    await commitPoll(db, feed.id, (f) => f, [item('1', 1), item('2', 2)], 5000);
    await setStarred(db, [feed.id, '1'], true);
    expect((await queryPosts(db, { filter: 'starred', limit: 10 })).posts.map((p) => p.id)).toEqual(['1']);
    expect((await queryPosts(db, { filter: 'starred', feedId: feed.id, limit: 10 })).posts.map((p) => p.id)).toEqual(['1']);
  });
});

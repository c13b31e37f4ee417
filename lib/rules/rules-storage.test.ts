import { describe, expect, it } from 'vitest';
import { addFeeds } from '../db/feeds';
import { commitPoll, setRead } from '../db/posts';
import { countUnread, queryPosts } from '../db/queries';
import { freshDb } from '../db/test-db';
import type { ParsedItem } from '../feed/types';
import { applyRulesToStored } from './apply-rules-to-stored';
import { countHidden, listHidden } from './hidden-posts';
import { saveRules } from './rule-store';
import type { Rule } from './types';

const item = (id: string, title: string, published: number): ParsedItem => ({ id, title, published, enclosures: [], categories: [] });

async function setup() {
  const db = await freshDb();
  const { added } = await addFeeds(
    db,
    [
      { url: 'http://a.example/feed.xml', title: 'A', folder: 'Blogs', firstCheckAt: 0 },
      { url: 'http://b.example/feed.xml', title: 'B', folder: 'News', firstCheckAt: 0 },
    ],
    1000,
  );
  return { db, a: added[0]!, b: added[1]! };
}

const hide: Rule = { id: 'mute-ads', action: 'hide', match: 'words', pattern: 'sponsored', fields: ['title'], scope: { kind: 'all' }, enabled: true };
const mark: Rule = { id: 'read-weekly', action: 'read', match: 'phrase', pattern: 'weekly links', fields: ['title'], scope: { kind: 'folder', folder: 'Blogs' }, enabled: true };
const star: Rule = { id: 'hl-py', action: 'highlight', match: 'regex', pattern: '\\bpython 3\\.\\d+', fields: ['title'], scope: { kind: 'all' }, enabled: true };

describe('rules at ingest', () => {
  it('new posts arrive hidden, read or highlighted; the river leaves hidden ones out and counts them', async () => {
    const { db, a, b } = await setup();
    await saveRules(db, [hide, mark, star]);
    await commitPoll(db, a.id, (f) => f, [item('1', 'Sponsored: buy', 100), item('2', 'Weekly links #4', 200), item('3', 'Python 3.14 is out', 300), item('4', 'Plain', 400)], 5000);
    await commitPoll(db, b.id, (f) => f, [item('5', 'Weekly links in News', 500)], 5000);
    const all = (await queryPosts(db, { filter: 'all', limit: 50 })).posts;
    expect(all.map((p) => p.id)).toEqual(['5', '4', '3', '2']);
    expect(all.find((p) => p.id === '2')).toMatchObject({ read: 1 });
    expect(all.find((p) => p.id === '3')).toMatchObject({ read: 0, highlightBy: 'hl-py' });
    // The folder rule does not reach the News folder.
    expect(all.find((p) => p.id === '5')).toMatchObject({ read: 0 });
    expect(await countUnread(db)).toBe(3);
    expect((await queryPosts(db, { filter: 'unread', limit: 50 })).posts.map((p) => p.id)).toEqual(['5', '4', '3']);
    expect((await queryPosts(db, { filter: 'all', feedId: a.id, limit: 50 })).posts.map((p) => p.id)).toEqual(['4', '3', '2']);
    expect(await countHidden(db, undefined)).toBe(1);
    expect((await listHidden(db, undefined)).map((p) => [p.id, p.hiddenBy])).toEqual([['1', 'mute-ads']]);
    expect(await countHidden(db, (id) => id === b.id)).toBe(0);
    expect(await countHidden(db, (id) => id === a.id)).toBe(1);
    expect((await listHidden(db, (id) => id === a.id)).map((p) => p.id)).toEqual(['1']);
    expect(await listHidden(db, (id) => id === b.id)).toEqual([]);
  });

  it('an updated post keeps what the rules decided', async () => {
    const { db, a } = await setup();
    await saveRules(db, [hide]);
    await commitPoll(db, a.id, (f) => f, [item('1', 'Sponsored: buy', 100)], 5000);
    await commitPoll(db, a.id, (f) => f, [item('1', 'Sponsored: buy now', 100)], 6000);
    expect(await db.get('posts', [a.id, '1'])).toMatchObject({ hiddenBy: 'mute-ads', title: 'Sponsored: buy now' });
  });
});

describe('rules applied to stored posts', () => {
  it('hides and marks what they match now, brings back what they no longer hide', async () => {
    const { db, a } = await setup();
    await commitPoll(db, a.id, (f) => f, [item('1', 'Sponsored: buy', 100), item('2', 'Python 3.13', 200), item('3', 'Plain', 300)], 5000);
    await setRead(db, [[a.id, '3']], true);
    await saveRules(db, [hide, star]);
    expect(await applyRulesToStored(db)).toEqual({ checked: 3, hidden: 1, markedRead: 1, highlighted: 1 });
    expect(await countUnread(db)).toBe(1);
    expect((await queryPosts(db, { filter: 'all', limit: 50 })).posts.map((p) => p.id)).toEqual(['3', '2']);
    await saveRules(db, []);
    expect(await applyRulesToStored(db)).toEqual({ checked: 3, hidden: 0, markedRead: 0, highlighted: 0 });
    const back = (await queryPosts(db, { filter: 'all', limit: 50 })).posts;
    expect(back.map((p) => [p.id, p.read, p.highlightBy])).toEqual([['3', 1, undefined], ['2', 0, undefined], ['1', 1, undefined]]);
    expect(await countHidden(db, undefined)).toBe(0);
  });

  it('walks every post in batches', async () => {
    const { db, a } = await setup();
    const items = Array.from({ length: 1200 }, (_, i) => item(`p${i}`, i % 3 === 0 ? 'sponsored' : 'ok', i));
    await commitPoll(db, a.id, (f) => f, items, 5000);
    await saveRules(db, [hide]);
    expect(await applyRulesToStored(db)).toMatchObject({ checked: 1200, hidden: 400 });
    expect(await countUnread(db)).toBe(800);
  });
});

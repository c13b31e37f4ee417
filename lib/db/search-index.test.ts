import { describe, expect, it } from 'vitest';
import type { ParsedItem } from '../feed/types';
import { addFeeds } from './feeds';
import { commitPoll } from './posts';
import type { StoredPost } from './types';
import { buildSearchIndex, foldText, queryWords, searchTextOf } from './search-index';
import { freshDb } from './test-db';

const item = (id: string, published: number, title: string, contentHtml?: string): ParsedItem => ({
  id,
  title,
  published,
  enclosures: [],
  categories: [],
  ...(contentHtml ? { contentHtml } : {}),
});

async function setup(items: ParsedItem[]) {
  const db = await freshDb();
  const { added } = await addFeeds(db, [{ url: 'http://a.example/feed.xml', title: 'A', folder: '', firstCheckAt: 0 }], 1000);
  const feed = added[0]!;
  await commitPoll(db, feed.id, (f) => f, items, 5000);
  return { db, feed };
}

describe('search index', () => {
  it('folds case and accents in text and queries', () => {
    expect(foldText('Café ÉTÉ')).toBe('cafe ete');
    expect(queryWords('  Pytest   FIXTURES ')).toEqual(['pytest', 'fixtures']);
  });

  it('indexes title, author and the text of the HTML, not its tags or attributes', () => {
    const text = searchTextOf({
      feedId: 'f', id: '1', title: 'Hello', author: 'Ann', firstSeen: 0, sortKey: 0, enclosures: [], categories: [],
      read: 0, starred: 0, folder: '', updatedAt: 0,
      contentHtml: '<p class="secretclass">Some <b>bold</b>\n\n words &amp; more</p>',
    });
    expect(text).toBe('hello ann some bold words & more');
    expect(text).not.toContain('secretclass');
  });

  it('keeps a title as text, drops scripts and styles, decodes the common entities', () => {
    const post = (title: string, contentHtml: string): StoredPost => ({
      feedId: 'f', id: '1', title, firstSeen: 0, sortKey: 0, enclosures: [], categories: [], read: 0, starred: 0, folder: '', updatedAt: 0, contentHtml,
    });
    expect(searchTextOf(post('Use <div>  wisely', '<p>x</p>'))).toBe('use <div> wisely x');
    expect(searchTextOf(post('T', '<script>var secret = 1;</script><STYLE type="text/css">.hidden{}</STYLE><p>Tom&nbsp;&amp;&nbsp;Jerry &lt;3 &quot;q&quot; it&#39;s &copy;</p>'))).toBe(
      't tom & jerry <3 "q" it\'s &copy;',
    );
    expect(searchTextOf(post('Crème', '<p>Brûlée</p>'))).toBe('creme brulee');
  });

  it('finds every post containing all the words, newest first, across batches', async () => {
    const items = Array.from({ length: 25 }, (_, i) =>
      item(`p${i}`, 1000 + i, i % 5 === 0 ? `Testing with pytest ${i}` : `Other ${i}`, i % 7 === 0 ? '<p>About <em>pytest</em> fixtures</p>' : '<p>x</p>'),
    );
    const { db, feed } = await setup(items);
    const progress: number[] = [];
    const index = await buildSearchIndex(db, { batch: 10, onProgress: (n) => progress.push(n) });
    expect(index.size).toBe(25);
    expect(progress).toEqual([10, 20, 25]);
    const ids = (q: string) => index.search(q).map((k) => k[1]);
    expect(ids('pytest')).toEqual(['p21', 'p20', 'p15', 'p14', 'p10', 'p7', 'p5', 'p0']);
    expect(ids('PYTEST fixtures')).toEqual(['p21', 'p14', 'p7', 'p0']);
    expect(ids('nothing-like-this')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(index.search('testing 20')).toEqual([[feed.id, 'p20']]);
  });

  it('leaves out what the river leaves out: posts a rule hid and copies folded under another post', async () => {
    const { db, feed } = await setup([item('shown', 1000, 'Pytest shown'), item('hidden', 1001, 'Pytest hidden'), item('copy', 1002, 'Pytest copy')]);
    const tx = db.transaction('posts', 'readwrite');
    const hidden = (await tx.store.get([feed.id, 'hidden']))!;
    const copy = (await tx.store.get([feed.id, 'copy']))!;
    await tx.store.put({ ...hidden, hiddenBy: 'rule-1' } as StoredPost);
    await tx.store.put({ ...copy, dupOf: [feed.id, 'shown'] } as StoredPost);
    await tx.done;
    const index = await buildSearchIndex(db);
    expect(index.search('pytest')).toEqual([[feed.id, 'shown']]);
  });
});

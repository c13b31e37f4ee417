import { describe, expect, it } from 'vitest';
import type { StoredPost } from '../db/types';
import { mergeReRead } from './merge-re-read';

const post = (feedId: string, id: string, more: Partial<StoredPost> = {}): StoredPost => ({
  feedId,
  id,
  title: id,
  firstSeen: 0,
  sortKey: 0,
  enclosures: [],
  categories: [],
  read: 0,
  starred: 0,
  folder: '',
  updatedAt: 1,
  ...more,
});

describe('mergeReRead', () => {
  const page = [post('a', '1'), post('b', '2'), post('a', '3'), post('c', '4')];

  it('keeps the posts of feeds that did not change as the same objects', () => {
    const out = mergeReRead(page, [post('a', '1'), post('a', '3')], new Set(['a']));
    expect(out).toHaveLength(4);
    out.forEach((p, i) => expect(p).toBe(page[i]));
  });

  it('takes a re-read post that changed, and drops one that is gone', () => {
    const edited = post('a', '1', { title: 'edited', updatedAt: 2 });
    const out = mergeReRead(page, [edited], new Set(['a']));
    expect(out.map((p) => p.id)).toEqual(['1', '2', '4']);
    expect(out[0]).toBe(edited);
    expect(out[1]).toBe(page[1]);
  });

  it('takes a post whose read or starred flag changed', () => {
    const read = post('c', '4', { read: 1 });
    expect(mergeReRead(page, [read], new Set(['c']))[3]).toBe(read);
  });

  it('takes a post whose full article, rule or folding marks changed with the same updatedAt', () => {
    const marks: Partial<StoredPost>[] = [
      { article: { state: 'ok', at: 5 } },
      { article: { state: 'failed', at: 5, message: 'HTTP 404' } },
      { highlightBy: 'r1' },
      { hiddenBy: 'r2' },
      { dupOf: ['b', '2'] },
      { alsoIn: [['b', '2']] },
    ];
    for (const more of marks) {
      const next = post('a', '1', more);
      expect(mergeReRead(page, [next], new Set(['a']))[0]).toBe(next);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createChangePublisher } from './change-publisher';
import { readChange, type StoredChange } from './stored-change';

describe('createChangePublisher', () => {
  it('says which feeds were polled and which had posts, and recounts the badge only for posts', async () => {
    const sent: StoredChange[] = [];
    let badges = 0;
    const pub = createChangePublisher({ announce: (c) => sent.push(c), updateBadge: async () => void badges++, gapMs: 0 });
    await pub.polled({ feedId: 'a', commit: { added: 0, updated: 0, removed: 0 } });
    await pub.polled({ feedId: 'b' });
    expect(sent).toEqual([
      { all: false, feeds: ['a'], posts: [] },
      { all: false, feeds: ['b'], posts: [] },
    ]);
    expect(badges).toBe(0);
    await pub.polled({ feedId: 'c', commit: { added: 2, updated: 0, removed: 0 } });
    await pub.polled({ feedId: 'd', commit: { added: 0, updated: 0, removed: 1 } });
    expect(sent.slice(2)).toEqual([
      { all: false, feeds: ['c'], posts: ['c'] },
      { all: false, feeds: ['d'], posts: ['d'] },
    ]);
    expect(badges).toBe(2);
    await pub.all();
    expect(sent.at(-1)).toEqual({ all: true });
    expect(badges).toBe(3);
  });

  it('folds polls made while the badge is recounted into one message that names them all', async () => {
    const sent: StoredChange[] = [];
    let release: () => void = () => undefined;
    const pub = createChangePublisher({
      announce: (c) => sent.push(c),
      updateBadge: () => new Promise<void>((r) => (release = r)),
      gapMs: 0,
    });
    const first = pub.polled({ feedId: 'a', commit: { added: 1, updated: 0, removed: 0 } });
    void pub.polled({ feedId: 'b' });
    void pub.polled({ feedId: 'c', commit: { added: 1, updated: 0, removed: 0 } });
    release();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await first;
    expect(sent).toEqual([
      { all: false, feeds: ['a'], posts: ['a'] },
      { all: false, feeds: ['b', 'c'], posts: ['c'] },
    ]);
  });
});

describe('readChange', () => {
  it('takes a well-formed change and treats anything else as "everything changed"', () => {
    expect(readChange({ type: 'changed', change: { all: false, feeds: ['a'], posts: [] } })).toEqual({ all: false, feeds: ['a'], posts: [] });
    expect(readChange({ type: 'changed', at: 1 })).toEqual({ all: true });
    expect(readChange({ change: { all: false, feeds: [1], posts: [] } })).toEqual({ all: true });
    expect(readChange(null)).toEqual({ all: true });
  });
});

// @vitest-environment jsdom
/**
 * "also in" names the feeds of a post's copies. A feed the page's list of feeds does not hold
 * yet (just subscribed: the list catches up after) is read from the store, never called a feed
 * no longer subscribed; only a feed the store lacks too is. A failed read is said in the river,
 * with a "Try again" button (river-recovery.test.ts tests what it asks again).
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { makeFeed } from '../../lib/db/feeds';
import { openOrreryDb } from '../../lib/db/open-db';
import type { StoredFeed, StoredPost } from '../../lib/db/types';
import type { EntryActions } from './entry';
import type { RiverModel } from './use-river';

// The complete "also in" is read from the byFolded index after painting: here the stored list is the list.
vi.mock('./use-also-in', () => ({ useAlsoIn: () => undefined, alsoInShown: (p: StoredPost) => p.alsoIn }));

const { River } = await import('./river');

const GONE = 'a feed no longer subscribed';
const feed = (id: string, title: string): StoredFeed => makeFeed({ url: `https://${id}.example/feed.xml`, title, firstCheckAt: 0 }, 0, id);
const post = (feedId: string, id: string, alsoIn: [string, string][]): StoredPost =>
  ({ feedId, id, title: `Post ${id}`, firstSeen: 1, sortKey: 1, enclosures: [], categories: [], read: 0, starred: 0, folder: '', updatedAt: 1, alsoIn }) as StoredPost;
const model = (posts: StoredPost[], more: Partial<RiverModel> = {}): RiverModel => ({
  ready: true,
  busy: false,
  error: undefined,
  total: posts.length,
  more: false,
  newer: false,
  items: posts.map((p, index) => ({ post: p, index, page: 0, pageFirst: index === 0 })),
  topSpace: 0,
  bottomSpace: 0,
  loadMore: async () => undefined,
  reload: () => undefined,
  retry: () => undefined,
  ensure: async () => undefined,
  refresh: async () => undefined,
  topRef: { current: null },
  bottomRef: { current: null },
  ...more,
});
const nothing = () => undefined;
const actions: EntryActions = { select: nothing, opened: nothing, toggleRead: nothing, toggleStar: nothing, toggleExpand: nothing, markAbove: nothing };

const show = (root: HTMLElement, posts: StoredPost[], feeds: StoredFeed[], more: Partial<RiverModel> = {}) =>
  act(() =>
    render(
      <River river={model(posts, more)} feeds={new Map(feeds.map((f) => [f.id, f]))} view="titles" label="river" currentKey={undefined} expanded={new Set()} overrides={new Map()} now={2} actions={actions} />,
      root,
    ),
  );
const alsoIn = (root: HTMLElement) => root.querySelector('[data-testid="entry-also-in"]')?.textContent ?? '';

describe('River "also in"', () => {
  it('names a feed just subscribed that the page has not read yet, and never calls it gone', async () => {
    const a = feed('fa', 'Alpha');
    const fresh = feed('fb', 'Bravo, just subscribed');
    await (await openOrreryDb()).put('feeds', fresh);
    const root = document.createElement('div');
    // The page's list of feeds predates the subscription.
    await show(root, [post('fa', 'p1', [['fb', 'p1']])], [a]);
    expect(alsoIn(root)).not.toContain(GONE);
    await vi.waitFor(() => expect(alsoIn(root)).toContain('Bravo, just subscribed'));
    expect(alsoIn(root)).not.toContain(GONE);
  });

  it('still says a feed is no longer subscribed when the store does not have it either', async () => {
    // Ids of their own: the store is the one database of this file.
    const a = feed('ga', 'Alpha');
    const b = feed('gb', 'Bravo');
    await (await openOrreryDb()).put('feeds', b);
    const root = document.createElement('div');
    await show(root, [post('ga', 'p1', [['gb', 'p1'], ['gc', 'p1']])], [a, b]);
    await vi.waitFor(() => expect(alsoIn(root)).toContain(GONE));
    expect(alsoIn(root)).toContain('Bravo');
  });
});

describe('River after a failed read', () => {
  it('says the read failed, where the reader is, with a "Try again" button the keyboard reaches', async () => {
    const root = document.body.appendChild(document.createElement('div'));
    const retry = vi.fn();
    await show(root, [post('ha', 'p1', [])], [feed('ha', 'Alpha')], { error: 'The transaction was aborted.', retry });
    const alert = root.querySelector<HTMLElement>('[data-testid="river-error"]');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toContain('Could not read stored posts: The transaction was aborted.');
    const button = alert?.querySelector<HTMLButtonElement>('button[data-testid="river-retry"]');
    expect(button?.textContent).toBe('Try again');
    expect(button?.disabled).toBe(false);
    button?.focus();
    expect(document.activeElement).toBe(button);
    button?.click();
    expect(retry).toHaveBeenCalledTimes(1);
    root.remove();
  });

  it('says nothing while every read succeeds', async () => {
    const root = document.createElement('div');
    await show(root, [post('ia', 'p1', [])], [feed('ia', 'Alpha')]);
    expect(root.querySelector('[data-testid="river-error"]')).toBeNull();
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });
});

// @vitest-environment jsdom
/** The sidebar renders again only the rows a refresh changed (545 rows each time cost most of the timeline's CPU during a first refresh). */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { StoredFeed } from '../../lib/db/types';
import { patchFeeds } from '../../lib/ui/patch-feeds';

const told = vi.hoisted(() => ({ ids: [] as string[] }));
vi.mock('../../lib/ui/feed-health', async (real) => {
  const mod = await real<typeof import('../../lib/ui/feed-health')>();
  return {
    ...mod,
    healthText: (feed: Parameters<typeof mod.healthText>[0] & { id?: string }, now?: number) => {
      told.ids.push(feed.id ?? '');
      return mod.healthText(feed, now);
    },
  };
});

const { Sidebar } = await import('./sidebar');

const feed = (i: number): StoredFeed =>
  ({ id: `f${i}`, url: `https://example.com/${i}.xml`, title: `Feed ${String(i).padStart(3, '0')}`, folder: '', state: 'active', errorCount: 0, lastFetchAt: Date.now() - 60_000 }) as StoredFeed;

describe('Sidebar', () => {
  it('renders again only the feed a poll changed, and shows its new state', () => {
    const root = document.createElement('div');
    const feeds = Array.from({ length: 545 }, (_, i) => feed(i));
    const counts = new Map(feeds.map((f) => [f.id, 1]));
    const onScope = () => undefined;
    act(() => render(<Sidebar feeds={feeds} counts={counts} total={545} scope={{ kind: 'all' }} onScope={onScope} />, root));
    expect(root.querySelectorAll('[data-testid="feed-list-item"]')).toHaveLength(545);
    told.ids.length = 0;

    const polled = { ...feeds[7]!, errorCount: 3, lastMessage: 'The server answered 500' } as StoredFeed;
    const next = patchFeeds(feeds, new Map([[polled.id, polled]]));
    const nextCounts = new Map(counts).set(polled.id, 4);
    act(() => render(<Sidebar feeds={next} counts={nextCounts} total={548} scope={{ kind: 'all' }} onScope={onScope} />, root));

    expect(told.ids).toEqual([polled.id]);
    const row = root.querySelector(`[data-feed-url="${polled.url}"]`) as HTMLElement;
    expect(row.dataset.health).toBe('failing');
    expect(row.querySelector('[data-testid="unread-count"]')?.textContent).toBe('4');
    expect(row.querySelector('button')?.title).toContain('The server answered 500');
  });
});

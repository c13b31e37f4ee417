import { describe, expect, it } from 'vitest';
import { openTimeline, type OpenTimelineDeps } from './open-timeline';

const TIMELINE = 'chrome-extension://abc/timeline.html';

function fakeBrowser(tabs: { id: number; windowId: number; url: string; lastAccessed?: number }[]) {
  const calls: string[] = [];
  const deps: OpenTimelineDeps = {
    timelineUrl: TIMELINE,
    tabs: {
      query: async () => tabs,
      update: async (id) => void calls.push(`activate ${id}`),
      create: async ({ url }) => {
        calls.push(`create ${url}`);
        return { id: 99 };
      },
    },
    windows: { update: async (id) => void calls.push(`focus window ${id}`) },
  };
  return { deps, calls };
}

describe('the open-timeline command', () => {
  it('opens the timeline in a new tab when none shows it', async () => {
    const { deps, calls } = fakeBrowser([{ id: 1, windowId: 1, url: 'https://blog.example/' }, { id: 2, windowId: 1, url: 'chrome-extension://abc/options.html' }]);
    expect(await openTimeline(deps)).toBe(99);
    expect(calls).toEqual([`create ${TIMELINE}`]);
  });

  it('focuses the most recently used timeline tab (a feed or folder of it counts) and its window', async () => {
    const { deps, calls } = fakeBrowser([
      { id: 3, windowId: 1, url: `${TIMELINE}#feed=x`, lastAccessed: 10 },
      { id: 4, windowId: 2, url: TIMELINE, lastAccessed: 20 },
      { id: 5, windowId: 2, url: 'https://timeline.html.example/' },
    ]);
    expect(await openTimeline(deps)).toBe(4);
    expect(calls).toEqual(['activate 4', 'focus window 2']);
  });
});

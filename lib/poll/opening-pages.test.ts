/** The worker holds its commits from the moment a tab starts loading an Orrery page, until the tab has loaded or gone. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchOpeningPages, type TabChange, type TabEvents } from './opening-pages';
import { createReaderGate } from './reader-gate';

const ORIGIN = 'chrome-extension://abc';
const PAGES = [`${ORIGIN}/timeline.html`, `${ORIGIN}/popup.html`];

/** Tab events fired by hand. */
function fakeTabs() {
  const updated = new Set<(tabId: number, change: TabChange, tab: { url?: string }) => void>();
  const removed = new Set<(tabId: number) => void>();
  const tabs: TabEvents = {
    onUpdated: { addListener: (fn) => updated.add(fn), removeListener: (fn) => updated.delete(fn) },
    onRemoved: { addListener: (fn) => removed.add(fn), removeListener: (fn) => removed.delete(fn) },
  };
  return {
    tabs,
    listeners: () => updated.size + removed.size,
    update: (tabId: number, change: TabChange, url = change.url) => updated.forEach((fn) => fn(tabId, change, { url })),
    remove: (tabId: number) => removed.forEach((fn) => fn(tabId)),
  };
}

describe('watchOpeningPages', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  function setup() {
    const gate = createReaderGate({ leaseMs: 2_000, maxHoldMs: 1_500 });
    const t = fakeTabs();
    const starts: number[] = [];
    gate.onReading(() => starts.push(Date.now()));
    const stop = watchOpeningPages({ tabs: t.tabs, gate, pages: PAGES });
    return { gate, t, starts, stop };
  }

  it('holds from a tab loading the timeline (any scope) until it has loaded', () => {
    const { gate, t, starts } = setup();
    t.update(7, { status: 'loading', url: `${ORIGIN}/timeline.html#feed=x` });
    // The batch in flight is told to give way at once.
    expect(starts).toHaveLength(1);
    expect(gate.clear()).toBeInstanceOf(Promise);
    t.update(7, { title: 'Orrery' } as TabChange);
    expect(gate.clear()).toBeInstanceOf(Promise);
    t.update(7, { status: 'complete' });
    expect(gate.clear()).toBeUndefined();
  });

  it('takes the address from the tab when the change does not carry it (a reload)', () => {
    const { gate, t } = setup();
    t.update(3, { status: 'loading' }, `${ORIGIN}/popup.html`);
    expect(gate.clear()).toBeInstanceOf(Promise);
    t.remove(3);
    expect(gate.clear()).toBeUndefined();
  });

  it('lets other pages load without holding anything, and a tab leaving Orrery ends its lease', () => {
    const { gate, t, starts } = setup();
    t.update(1, { status: 'loading', url: 'https://example.com/timeline.html' });
    t.update(2, { status: 'loading', url: `${ORIGIN}/other.html` });
    expect(gate.clear()).toBeUndefined();
    t.update(4, { status: 'loading', url: `${ORIGIN}/timeline.html` });
    t.update(4, { status: 'loading', url: 'https://example.com/' });
    expect(gate.clear()).toBeUndefined();
    expect(starts).toHaveLength(1);
  });

  it('a tab that never says it loaded does not hold past the lease', async () => {
    const { gate, t } = setup();
    t.update(5, { status: 'loading', url: `${ORIGIN}/timeline.html` });
    await vi.advanceTimersByTimeAsync(2_001);
    expect(gate.clear()).toBeUndefined();
  });

  it('stops listening when unsubscribed', () => {
    const { gate, t, stop } = setup();
    expect(t.listeners()).toBe(2);
    stop();
    expect(t.listeners()).toBe(0);
    t.update(6, { status: 'loading', url: `${ORIGIN}/timeline.html` });
    expect(gate.clear()).toBeUndefined();
  });
});

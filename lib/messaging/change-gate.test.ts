import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChangeGate } from './change-gate';
import { ALL_CHANGED, polledChange, type StoredChange } from './stored-change';

describe('createChangeGate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('merges a burst into one call after the debounce', async () => {
    const calls: StoredChange[] = [];
    const gate = createChangeGate((c) => void calls.push(c), { debounceMs: 250, gapMs: 1000 });
    gate.push(polledChange('a', false));
    gate.push(polledChange('b', true));
    await vi.advanceTimersByTimeAsync(249);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([{ all: false, feeds: ['a', 'b'], posts: ['b'] }]);
  });

  it('calls at most once per gap while changes keep coming, and always delivers the last', async () => {
    const at: number[] = [];
    const seen = new Set<string>();
    const gate = createChangeGate(
      (c) => {
        at.push(Date.now());
        if (!c.all) c.feeds.forEach((f) => seen.add(f));
      },
      { debounceMs: 250, gapMs: 1000 },
    );
    const t0 = Date.now();
    // A refresh: a change every 100 ms for 5 s.
    for (let i = 0; i < 50; i++) {
      gate.push(polledChange(`f${i}`, false));
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(2000);
    expect(at.length).toBeGreaterThanOrEqual(4);
    expect(at.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(1000);
    expect(at[0]! - t0).toBe(250);
    expect(seen.size).toBe(50);
  });

  it('waits for a slow listener before the next call, and never runs two at once', async () => {
    let running = 0;
    let most = 0;
    const calls: StoredChange[] = [];
    const gate = createChangeGate(
      async (c) => {
        running++;
        most = Math.max(most, running);
        calls.push(c);
        await new Promise((r) => setTimeout(r, 3000));
        running--;
      },
      { debounceMs: 10, gapMs: 100 },
    );
    gate.push(polledChange('a', false));
    await vi.advanceTimersByTimeAsync(500);
    gate.push(polledChange('b', false));
    gate.push(ALL_CHANGED);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(most).toBe(1);
    expect(calls).toEqual([{ all: false, feeds: ['a'], posts: [] }, ALL_CHANGED]);
  });

  it('calls nothing once closed', async () => {
    const calls: StoredChange[] = [];
    const gate = createChangeGate((c) => void calls.push(c), { debounceMs: 250, gapMs: 1000 });
    gate.push(ALL_CHANGED);
    gate.close();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toEqual([]);
  });

  it('holds a due call while another page reads its first screen, and delivers what came meanwhile once it has', async () => {
    const calls: StoredChange[] = [];
    let release: () => void = () => undefined;
    let reading = true;
    const hold = () => (reading ? new Promise<void>((r) => (release = r)) : undefined);
    const gate = createChangeGate((c) => void calls.push(c), { debounceMs: 250, gapMs: 1000 }, Date.now, hold);
    gate.push(polledChange('a', false));
    await vi.advanceTimersByTimeAsync(2000);
    gate.push(polledChange('b', true));
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toEqual([]);
    reading = false;
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([{ all: false, feeds: ['a', 'b'], posts: ['b'] }]);
  });

  it('spaces polls\' changes by polledGapMs, and a reader\'s change by gapMs', async () => {
    const at: number[] = [];
    const gate = createChangeGate(() => void at.push(Date.now()), { debounceMs: 250, gapMs: 1000, polledGapMs: 3000 });
    const t0 = Date.now();
    gate.push(polledChange('a', true));
    await vi.advanceTimersByTimeAsync(300);
    gate.push(polledChange('b', true));
    await vi.advanceTimersByTimeAsync(2000);
    expect(at.map((t) => t - t0)).toEqual([250]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(at.map((t) => t - t0)).toEqual([250, 3250]);
    // A reader's action (everything changed) comes after the shorter gap.
    gate.push(ALL_CHANGED);
    await vi.advanceTimersByTimeAsync(1000);
    expect(at.map((t) => t - t0)).toEqual([250, 3250, 4250]);
  });
});

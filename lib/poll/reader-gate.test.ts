/** Commits hold while a page reads its first screen, never for long. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReaderGate } from './reader-gate';

const TIMING = { leaseMs: 2_000, maxHoldMs: 1_500 };

describe('createReaderGate', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  /** Whether `p` has settled after the timers ran `ms`. */
  async function settledAfter(p: Promise<void>, ms: number): Promise<boolean> {
    let done = false;
    void p.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(ms);
    return done;
  }

  it('does not hold when no page reads', () => {
    const gate = createReaderGate(TIMING);
    expect(gate.clear()).toBeUndefined();
    gate.take({ type: 'reading', id: 'a' });
    gate.take({ type: 'read', id: 'a' });
    expect(gate.clear()).toBeUndefined();
  });

  it('holds until every page that said it reads is done', async () => {
    const gate = createReaderGate(TIMING);
    gate.take({ type: 'reading', id: 'a' });
    gate.take({ type: 'reading', id: 'b' });
    const hold = gate.clear()!;
    expect(await settledAfter(hold, 100)).toBe(false);
    gate.take({ type: 'read', id: 'a' });
    expect(await settledAfter(hold, 0)).toBe(false);
    gate.take({ type: 'read', id: 'b' });
    expect(await settledAfter(hold, 0)).toBe(true);
  });

  it('lets a hold last at most maxHoldMs, then a batch goes; a later hold is a new one', async () => {
    const gate = createReaderGate(TIMING);
    gate.take({ type: 'reading', id: 'a' });
    const hold = gate.clear()!;
    expect(await settledAfter(hold, 1_499)).toBe(false);
    expect(await settledAfter(hold, 1)).toBe(true);
    // The page still reads (its lease has 500 ms left): the next batch waits those out.
    const next = gate.clear()!;
    expect(await settledAfter(next, 499)).toBe(false);
    expect(await settledAfter(next, 1)).toBe(true);
    expect(gate.clear()).toBeUndefined();
  });

  it('ignores messages that are not a page\'s lease', () => {
    const gate = createReaderGate(TIMING);
    for (const m of [undefined, null, 'reading', { type: 'reading' }, { type: 'other', id: 'x' }, { type: 'reading', id: 7 }]) gate.take(m);
    expect(gate.clear()).toBeUndefined();
  });
});

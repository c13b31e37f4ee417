import { afterEach, describe, expect, it } from 'vitest';
import type { GateTiming } from './change-gate';
import { announceChange, onStoredChange } from './changes';
import { polledChange, type StoredChange } from './stored-change';

const TIMING: GateTiming = { debounceMs: 5, gapMs: 150 };
const offs: (() => void)[] = [];
afterEach(() => offs.splice(0).forEach((off) => off()));

const waitFor = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 5));
};

describe('onStoredChange', () => {
  it("calls a page's listeners of one timing together, in the same turn, the next call after all of them ended", async () => {
    const calls: string[] = [];
    let releaseA: (() => void) | undefined;
    const a = (c: StoredChange) => {
      calls.push(`a:${c.all ? 'all' : c.feeds.join(',')}`);
      return new Promise<void>((r) => (releaseA = r));
    };
    offs.push(onStoredChange(a, TIMING));
    announceChange(polledChange('f1', true));
    await waitFor(() => calls.length === 1);
    // A listener that joins later (another part of the page mounted) is called with the first one.
    const seenByB: number[] = [];
    offs.push(
      onStoredChange(() => {
        calls.push('b');
        seenByB.push(calls.filter((x) => x.startsWith('a:')).length);
      }, TIMING),
    );
    announceChange(polledChange('f2', true));
    announceChange(polledChange('f3', false));
    // While a's first call runs, nobody is called (the gate waits for it), b included.
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toEqual(['a:f1']);
    releaseA?.();
    await waitFor(() => calls.length === 3);
    expect(calls).toEqual(['a:f1', 'a:f2,f3', 'b']);
    // b ran in the same turn as a's second call, not in a turn of its own.
    expect(seenByB).toEqual([2]);
    releaseA?.();
  });

  it('keeps calling the others when one listener throws, and stops calling one that unsubscribed', async () => {
    const got: string[] = [];
    const offBad = onStoredChange(() => {
      throw new Error('boom');
    }, TIMING);
    const offGone = onStoredChange(() => void got.push('gone'), TIMING);
    offs.push(offBad, onStoredChange(() => void got.push('kept'), TIMING));
    offGone();
    announceChange(polledChange('f1', true));
    await waitFor(() => got.length >= 1);
    announceChange(polledChange('f2', true));
    await waitFor(() => got.length >= 2);
    expect(got).toEqual(['kept', 'kept']);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepAwakeWhile } from './keep-awake';

describe('keepAwakeWhile', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pings every interval while the work runs, and no more once it has settled', async () => {
    let pings = 0;
    let finish: (v: string) => void = () => undefined;
    const work = new Promise<string>((r) => (finish = r));
    const kept = keepAwakeWhile(work, async () => void pings++, 20_000);
    await vi.advanceTimersByTimeAsync(65_000);
    expect(pings).toBe(3);
    finish('done');
    expect(await kept).toBe('done');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(pings).toBe(3);
  });

  it('passes a failure through and ignores a failed ping', async () => {
    let fail: (e: Error) => void = () => undefined;
    const work = new Promise<never>((_, reject) => (fail = reject));
    const kept = keepAwakeWhile(work, () => Promise.reject(new Error('no API')), 1_000);
    await vi.advanceTimersByTimeAsync(3_000);
    fail(new Error('quota'));
    await expect(kept).rejects.toThrow('quota');
  });
});

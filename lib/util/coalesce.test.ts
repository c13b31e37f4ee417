import { describe, expect, it } from 'vitest';
import { coalesce } from './coalesce';

describe('coalesce', () => {
  it('folds calls made during a run into one more run', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const task = coalesce(async () => {
      runs++;
      if (runs === 1) await new Promise<void>((r) => (release = r));
    });
    const first = task();
    void task();
    void task();
    void task();
    release();
    await first;
    expect(runs).toBe(2);
    await task();
    expect(runs).toBe(3);
  });
  it('waits gapMs before the folded run', async () => {
    const times: number[] = [];
    const task = coalesce(
      async () => {
        times.push(Date.now());
      },
      { gapMs: 50 },
    );
    const first = task();
    void task();
    await first;
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(45);
  });
  it('runs again after a failure', async () => {
    let runs = 0;
    const task = coalesce(async () => {
      runs++;
      if (runs === 1) throw new Error('boom');
    });
    await expect(task()).rejects.toThrow('boom');
    await task();
    expect(runs).toBe(2);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_PAGE_WAIT_MS, renderAfter } from './render-after';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A promise settled from outside. */
function deferred() {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('renderAfter', () => {
  it('waits for the first page however long it takes, up to the wait: no frame before it', async () => {
    const read = deferred();
    const render = vi.fn();
    renderAfter(read.promise, render);
    await vi.advanceTimersByTimeAsync(FIRST_PAGE_WAIT_MS - 1);
    expect(render).not.toHaveBeenCalled();
    read.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(render).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(FIRST_PAGE_WAIT_MS);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('renders at the end of the wait when the read has not settled, and not again when it does', async () => {
    const read = deferred();
    const render = vi.fn();
    renderAfter(read.promise, render, 500);
    await vi.advanceTimersByTimeAsync(500);
    expect(render).toHaveBeenCalledTimes(1);
    read.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('renders when the read fails (the app shows the error)', async () => {
    const read = deferred();
    const render = vi.fn();
    renderAfter(read.promise, render);
    read.reject(new Error('no database'));
    await vi.advanceTimersByTimeAsync(0);
    expect(render).toHaveBeenCalledTimes(1);
  });
});

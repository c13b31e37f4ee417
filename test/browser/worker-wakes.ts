/**
 * Counts the starts of the extension's service worker, and stops it, through the ServiceWorker
 * domain of a page's CDP session (the extension's worker lives in the same storage partition).
 */
import type { Page } from 'playwright-core';

/** A watch on the worker's running status. */
export interface WorkerWakes {
  /** How many times the worker has started since the watch began. */
  starts(): number;
  /** Stops the worker and waits until the browser says it stopped. */
  stop(): Promise<void>;
  /** Waits until the worker has started at least `n` times in all. */
  waitForStarts(n: number, timeoutMs?: number): Promise<void>;
  detach(): Promise<void>;
}

interface VersionsEvent {
  versions: { scriptURL: string; runningStatus: 'stopped' | 'starting' | 'running' | 'stopping' }[];
}

/** Starts watching the worker of `extensionId` from `page` (any page of the browser). */
export async function watchWorkerWakes(page: Page, extensionId: string): Promise<WorkerWakes> {
  const cdp = await page.context().newCDPSession(page);
  let status = 'unknown';
  let starts = 0;
  const waiters: (() => void)[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e: VersionsEvent) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) continue;
      if (v.runningStatus === 'starting' && status !== 'starting') starts++;
      status = v.runningStatus;
    }
    for (const w of waiters.splice(0)) w();
  });
  await cdp.send('ServiceWorker.enable');
  const until = async (ok: () => boolean, timeoutMs: number, what: string) => {
    const end = Date.now() + timeoutMs;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`worker-wakes: ${what} (status ${status}, ${starts} starts)`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 250);
      });
    }
  };
  return {
    starts: () => starts,
    async stop() {
      // A worker still starting ignores the stop: ask again until it is down.
      await until(() => status !== 'starting', 30_000, 'still starting');
      for (let i = 0; status !== 'stopped'; i++) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        await until(() => status === 'stopped' || status === 'starting', 10_000, 'did not stop').catch(() => undefined);
        if (i > 20) throw new Error(`worker-wakes: the worker does not stop (status ${status})`);
      }
    },
    waitForStarts: (n, timeoutMs = 30_000) => until(() => starts >= n, timeoutMs, `fewer than ${n} starts`),
    async detach() {
      await cdp.detach().catch(() => undefined);
    },
  };
}

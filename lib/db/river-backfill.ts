/**
 * The v6 backfill of riverKeys. The upgrade only creates the byRiver index (rewriting every
 * post there took 32 s at 20,000 posts, every page and the worker blocked, and a worker stopped
 * mid-upgrade started over at its next wake); the worker fills the keys of posts stored before
 * v6 afterwards, a short transaction per batch, resuming from the position saved in meta.
 * Until it is done the rivers read the v5 indexes (lib/db/queries.ts asks riverIndexReady).
 */
import type { Db } from './open-db';
import { fillRiverKeysBatch } from './post-writes';
import { RIVER_FILL_KEY, type RiverFill } from './river-keys';

/** Posts per batch: a transaction short enough (~0.1-0.3 s on a busy machine) that a page's read is not held long. */
export const RIVER_FILL_BATCH = 200;

const ready = new WeakSet<Db>();

/** Whether every post has its riverKeys (byRiver is whole); true stays true, so it is remembered per connection. */
export async function riverIndexReady(db: Db): Promise<boolean> {
  if (ready.has(db)) return true;
  const fill = (await db.get('meta', RIVER_FILL_KEY)) as RiverFill | undefined;
  if (fill?.done !== true) return false;
  ready.add(db);
  return true;
}

/** How a backfill run paces itself. */
export interface RiverFillOptions {
  batch?: number;
  /** Resolves when no page is reading its first screen (the worker's reader gate), or undefined to go on at once. */
  clear?: () => Promise<void> | undefined;
  /** Asked before each batch: true ends the run where it is (its position is saved). */
  stop?: () => boolean;
}

const running = new WeakMap<Db, Promise<boolean>>();

/**
 * Fills riverKeys batch after batch until every post has them; resolves true when done, false
 * when stopped. One run per connection at a time (a second call joins the first). Each batch
 * waits for pages reading their first screen, and the event loop turns between batches.
 */
export function runRiverBackfill(db: Db, opts: RiverFillOptions = {}): Promise<boolean> {
  const current = running.get(db);
  if (current) return current;
  const run = (async () => {
    if (await riverIndexReady(db)) return true;
    for (;;) {
      if (opts.stop?.()) return false;
      await opts.clear?.();
      const at = await fillRiverKeysBatch(db, opts.batch ?? RIVER_FILL_BATCH);
      if (at.done) {
        ready.add(db);
        return true;
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  })().finally(() => running.delete(db));
  running.set(db, run);
  return run;
}

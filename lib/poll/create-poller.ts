/** The background's polling service: runs due polls, "refresh now", progress and badge updates. */
import type { Db } from '../db/open-db';
import { makeAllDue } from '../db/feeds';
import type { RefreshRun } from '../db/types';
import type { RefreshProgress } from '../messaging/protocol';
import { refreshProgress, runDuePolls } from './run-due-polls';

/** What the poller needs. */
export interface PollerDeps {
  db: () => Promise<Db>;
  fetch: typeof fetch;
  now: () => number;
  /** Called after every committed poll (to update the badge). */
  onChange: () => void;
}

/** The poller's operations. */
export interface Poller {
  /** Polls what is due; concurrent calls share one run. */
  pollDue(): Promise<void>;
  /** Makes every feed due and polls them; returns the progress at start. */
  refreshAll(): Promise<RefreshProgress>;
  /** Progress of the current or last "refresh now". */
  progress(): Promise<RefreshProgress>;
}

const RUN_KEY = 'refresh-run';

/** Creates the poller. Its only in-memory state is the promise of a run in this worker's life. */
export function createPoller(deps: PollerDeps): Poller {
  let running: Promise<void> | undefined;

  async function run(): Promise<void> {
    const db = await deps.db();
    await runDuePolls({ db, fetch: deps.fetch, now: deps.now, onPolled: deps.onChange });
    const current = (await db.get('meta', RUN_KEY)) as RefreshRun | undefined;
    if (current && current.finishedAt === undefined) {
      await db.put('meta', { ...current, finishedAt: deps.now() }, RUN_KEY);
    }
  }

  function pollDue(): Promise<void> {
    running ??= run()
      .catch((err: unknown) => console.error('[orrery:poll] run failed', err))
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  async function progress(): Promise<RefreshProgress> {
    const db = await deps.db();
    const current = (await db.get('meta', RUN_KEY)) as RefreshRun | undefined;
    if (!current) return { running: running !== undefined, done: 0, total: 0 };
    if (current.finishedAt !== undefined) return { running: false, done: current.total, total: current.total };
    const p = await refreshProgress(db, current.startedAt, current.total);
    return { running: true, ...p };
  }

  async function refreshAll(): Promise<RefreshProgress> {
    const db = await deps.db();
    const now = deps.now();
    const total = await makeAllDue(db, now);
    const started: RefreshRun = { startedAt: now, total, done: 0 };
    await db.put('meta', started, RUN_KEY);
    if (running) await running;
    void pollDue();
    return { running: true, done: 0, total };
  }

  return { pollDue, refreshAll, progress };
}

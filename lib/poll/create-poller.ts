/** The background's polling service: runs due polls, "refresh now", progress and badge updates. */
import type { Db } from '../db/open-db';
import { makeAllDue } from '../db/feeds';
import type { RefreshRun } from '../db/types';
import type { RefreshProgress } from '../messaging/protocol';
import type { Retention } from '../db/retention';
import type { RedirectLog } from './redirect-log';
import type { PollResult } from './poll-feed';
import { refreshProgress, runDuePolls } from './run-due-polls';

/** What the poller needs. */
export interface PollerDeps {
  db: () => Promise<Db>;
  fetch: typeof fetch;
  now: () => number;
  /** Called after every committed poll (to update the badge and tell open pages what changed). */
  onChange: (result: PollResult) => void;
  redirects?: RedirectLog;
  /** The user's polling and retention settings, read at the start of each run. */
  settings?: () => Promise<PollSettings>;
}

/** The settings a polling run obeys. */
export interface PollSettings {
  retention: Retention;
  minIntervalMs: number;
  maxIntervalMs: number;
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
    const settings = await deps.settings?.();
    await runDuePolls({
      ...(settings ?? {}),
      db,
      fetch: deps.fetch,
      now: deps.now,
      random: Math.random,
      onPolled: deps.onChange,
      ...(deps.redirects ? { redirects: deps.redirects } : {}),
    });
    // A "refresh now" is over when none of the feeds it made due is still due, whichever
    // run (this one, or one before a worker restart) polled them.
    const current = (await db.get('meta', RUN_KEY)) as RefreshRun | undefined;
    if (current && current.finishedAt === undefined) {
      const { done, total } = await refreshProgress(db, current.startedAt, current.total);
      if (done >= total) await db.put('meta', { ...current, finishedAt: deps.now() }, RUN_KEY);
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
    if (!current) return { running: running !== undefined, startedAt: 0, done: 0, total: 0 };
    if (current.finishedAt !== undefined) return { running: false, startedAt: current.startedAt, done: current.total, total: current.total };
    const p = await refreshProgress(db, current.startedAt, current.total);
    return { running: true, startedAt: current.startedAt, ...p };
  }

  async function refreshAll(): Promise<RefreshProgress> {
    const db = await deps.db();
    const now = deps.now();
    const total = await makeAllDue(db, now);
    const started: RefreshRun = { startedAt: now, total, done: 0 };
    await db.put('meta', started, RUN_KEY);
    // A run in progress picks the newly due feeds up (it loops until nothing is due).
    void pollDue();
    return { running: true, startedAt: now, done: 0, total };
  }

  return { pollDue, refreshAll, progress };
}

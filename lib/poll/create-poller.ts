/** The background's polling service: runs due polls, "refresh now", progress and badge updates. */
import type { Db } from '../db/open-db';
import type { RefreshProgress } from '../messaging/protocol';
import type { Retention } from '../db/retention';
import type { RedirectLog } from './redirect-log';
import type { PollResult } from './poll-feed';
import { runDuePolls } from './run-due-polls';
import { createRefreshRuns } from './refresh-runs';
import { createSaveFailureLog, type KeyValueArea, type SaveFailureState } from './save-failures';

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
  /** Mirrors the writes IndexedDB refused (storage full) outside it: browser.storage.local. */
  failureStore?: KeyValueArea;
  /** Sets the wake alarm to the next due feed; called after every run. */
  planWake?: () => Promise<void>;
  /** Started as a run starts; the function it returns is called as the run ends (the worker watches pages opening meanwhile). */
  whileRunning?: () => () => void;
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
  /** Feed statuses and refresh records the database refused, for the pages to show. */
  saveFailures(): Promise<SaveFailureState>;
  /** Moves the wake alarm after a change of subscriptions or settings (after the run, if one is under way). */
  planWake(): Promise<void>;
}

/** Creates the poller. Its only in-memory state is the promise of a run in this worker's life. */
export function createPoller(deps: PollerDeps): Poller {
  let running: Promise<void> | undefined;
  // Writes the database refused (storage full), and the refresh runs that must end anyway.
  const failures = createSaveFailureLog(deps.failureStore);
  const runs = createRefreshRuns(failures, deps.now);

  async function run(): Promise<void> {
    const stop = deps.whileRunning?.();
    try {
      await runPolls();
    } finally {
      stop?.();
    }
  }

  async function runPolls(): Promise<void> {
    const db = await deps.db();
    const settings = await deps.settings?.();
    await failures.ready;
    await runDuePolls({
      ...(settings ?? {}),
      db,
      fetch: deps.fetch,
      now: deps.now,
      random: Math.random,
      onPolled: (result) => {
        runs.polled(result.feedId);
        deps.onChange(result);
      },
      saveFailures: failures,
      alsoPoll: runs.listed,
      ...(deps.redirects ? { redirects: deps.redirects } : {}),
    });
    await runs.finish(db);
  }

  function pollDue(): Promise<void> {
    running ??= run()
      .catch((err: unknown) => console.error('[orrery:poll] run failed', err))
      .finally(() => {
        running = undefined;
      })
      // Every run ends by setting the next wake: its polls (and any Retry-After) moved it.
      .then(wake);
    return running;
  }

  function wake(): Promise<void> {
    return (deps.planWake?.() ?? Promise.resolve()).catch((err: unknown) => console.error('[orrery:poll] planning the next wake failed', err));
  }

  // A plan made while feeds are in flight would see them still due: the run's end plans instead.
  const planWake = (): Promise<void> => running ?? wake();

  async function progress(): Promise<RefreshProgress> {
    return runs.progress(await deps.db(), running !== undefined);
  }

  async function refreshAll(): Promise<RefreshProgress> {
    const started = await runs.start(await deps.db());
    // A run in progress picks the newly due feeds up (it loops until nothing is due).
    void pollDue();
    return started;
  }

  async function saveFailures(): Promise<SaveFailureState> {
    await failures.ready;
    return failures.snapshot();
  }

  return { pollDue, refreshAll, progress, saveFailures, planWake };
}

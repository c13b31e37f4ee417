/** The background's polling service: runs due polls, "refresh now", progress and badge updates. */
import type { Db } from '../db/open-db';
import { listFeeds, makeAllDue } from '../db/feeds';
import type { RefreshRun, StoredFeed } from '../db/types';
import type { RefreshProgress } from '../messaging/protocol';
import type { Retention } from '../db/retention';
import type { RedirectLog } from './redirect-log';
import { refreshProgress, runDuePolls } from './run-due-polls';
import { createSaveFailureLog, type KeyValueArea, type SaveFailureState } from './save-failures';

/** What the poller needs. */
export interface PollerDeps {
  db: () => Promise<Db>;
  fetch: typeof fetch;
  now: () => number;
  /** Called after every committed poll (to update the badge). */
  onChange: () => void;
  redirects?: RedirectLog;
  /** The user's polling and retention settings, read at the start of each run. */
  settings?: () => Promise<PollSettings>;
  /** Mirrors the writes IndexedDB refused (storage full) outside it: browser.storage.local. */
  failureStore?: KeyValueArea;
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
}

const RUN_KEY = 'refresh-run';

/** Creates the poller. Its only in-memory state is the promise of a run in this worker's life. */
export function createPoller(deps: PollerDeps): Poller {
  let running: Promise<void> | undefined;
  // Writes the database refused (storage full), and the feeds of a "refresh now" it would not
  // mark due: that refresh polls them from this list instead.
  const failures = createSaveFailureLog(deps.failureStore);
  let listed: StoredFeed[] = [];
  const listedDone = new Set<string>();

  async function run(): Promise<void> {
    const db = await deps.db();
    const settings = await deps.settings?.();
    await failures.ready;
    await runDuePolls({
      ...(settings ?? {}),
      db,
      fetch: deps.fetch,
      now: deps.now,
      random: Math.random,
      saveFailures: failures,
      alsoPoll: () => listed,
      onPolled: (result) => {
        if (listed.some((f) => f.id === result.feedId)) {
          listed = listed.filter((f) => f.id !== result.feedId);
          listedDone.add(result.feedId);
        }
        deps.onChange();
      },
      ...(deps.redirects ? { redirects: deps.redirects } : {}),
    });
    const fallback = failures.run();
    if (fallback?.listed && fallback.finishedAt === undefined && listed.length === 0) {
      failures.setRun({ ...fallback, done: fallback.total, finishedAt: deps.now() });
    }
    // A "refresh now" is over when none of the feeds it made due is still due, whichever
    // run (this one, or one before a worker restart) polled them; a feed whose new state the
    // database refused is still due, but was polled: the log counts it.
    const current = (await db.get('meta', RUN_KEY)) as RefreshRun | undefined;
    if (current && current.finishedAt === undefined) {
      const { done, total } = await refreshProgress(db, current.startedAt, current.total, failures.countSince(current.startedAt));
      if (done >= total) {
        const finished = { ...current, finishedAt: deps.now() };
        // Storage full: the end goes to the log, or the refresh would look endless.
        await db.put('meta', finished, RUN_KEY).catch(() => failures.setRun(finished));
      }
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
    const stored = (await db.get('meta', RUN_KEY)) as RefreshRun | undefined;
    await failures.ready;
    const fallback = failures.run();
    // The newer run wins; at the same start the log knows better (it holds an end the database refused).
    const current = fallback && (!stored || fallback.startedAt >= stored.startedAt) ? fallback : stored;
    if (!current) return { running: running !== undefined, startedAt: 0, done: 0, total: 0 };
    const over = { running: false, startedAt: current.startedAt, done: current.total, total: current.total };
    if (current.finishedAt !== undefined) return over;
    // A refresh polling from a list in memory: a restarted worker lost the list, so it is over.
    if (current === fallback && fallback.listed) return running ? { running: true, startedAt: current.startedAt, done: listedDone.size, total: current.total } : over;
    const p = await refreshProgress(db, current.startedAt, current.total, failures.countSince(current.startedAt));
    return { running: true, startedAt: current.startedAt, ...p };
  }

  async function refreshAll(): Promise<RefreshProgress> {
    const db = await deps.db();
    const now = deps.now();
    await failures.ready;
    // The user asks for every feed now: the backoff after failed saves does not apply.
    failures.allowRetries();
    let total: number;
    try {
      total = await makeAllDue(db, now);
      const started: RefreshRun = { startedAt: now, total, done: 0 };
      await db.put('meta', started, RUN_KEY);
    } catch (err) {
      // The database refuses writes (storage full): poll the feeds from a list instead, and
      // keep the run's record in the log, so the refresh still runs, shows progress and ends.
      console.warn('[orrery:poll] could not start the refresh in the database', err);
      listed = (await listFeeds(db)).filter((f) => f.state === 'active' && (f.retryAfterUntil ?? 0) <= now);
      listedDone.clear();
      total = listed.length;
      failures.setRun({ startedAt: now, total, done: 0, listed: true });
    }
    // A run in progress picks the newly due feeds up (it loops until nothing is due).
    void pollDue();
    return { running: true, startedAt: now, done: 0, total };
  }

  async function saveFailures(): Promise<SaveFailureState> {
    await failures.ready;
    return failures.snapshot();
  }

  return { pollDue, refreshAll, progress, saveFailures };
}

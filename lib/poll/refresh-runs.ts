/**
 * The record of a "refresh now": when it started, how far it got, when it ended. It lives in
 * the database (so a restarted worker resumes it), except when the database refuses writes
 * (storage full): then the run is kept in the save-failure log, its feeds are polled from a
 * list in memory, and a feed whose new state was refused counts as done, so the refresh ends.
 */
import { listFeeds, makeAllDue } from '../db/feeds';
import type { Db } from '../db/open-db';
import type { RefreshRun, StoredFeed } from '../db/types';
import type { RefreshProgress } from '../messaging/protocol';
import { refreshProgress } from './run-due-polls';
import type { SaveFailureLog } from './save-failures';

const RUN_KEY = 'refresh-run';

/** Starting, following and ending "refresh now" runs. */
export interface RefreshRuns {
  /** Makes every feed due (or lists them, when the database refuses) and records the run. */
  start(db: Db): Promise<RefreshProgress>;
  /** Feeds a refused start left to poll from memory. */
  listed(): StoredFeed[];
  /** A feed was polled (saved or not). */
  polled(feedId: string): void;
  /** After a polling run: records the end of a refresh that has nothing left to poll. */
  finish(db: Db): Promise<void>;
  /** Progress of the current or last run; `polling` when this worker is polling now. */
  progress(db: Db, polling: boolean): Promise<RefreshProgress>;
}

/** Creates the bookkeeping, with `failures` as the record of last resort. */
export function createRefreshRuns(failures: SaveFailureLog, now: () => number): RefreshRuns {
  let listed: StoredFeed[] = [];
  const listedDone = new Set<string>();
  return {
    async start(db) {
      const startedAt = now();
      await failures.ready;
      // The user asks for every feed now: the backoff after failed saves does not apply.
      failures.allowRetries();
      try {
        const total = await makeAllDue(db, startedAt);
        await db.put('meta', { startedAt, total, done: 0 } satisfies RefreshRun, RUN_KEY);
        return { running: true, startedAt, done: 0, total };
      } catch (err) {
        // The database refuses writes (storage full): poll the feeds from a list instead, and
        // keep the run's record in the log, so the refresh still runs, shows progress and ends.
        console.warn('[orrery:poll] could not start the refresh in the database', err);
        listed = (await listFeeds(db)).filter((f) => f.state === 'active' && (f.retryAfterUntil ?? 0) <= startedAt);
        listedDone.clear();
        failures.setRun({ startedAt, total: listed.length, done: 0, listed: true });
        return { running: true, startedAt, done: 0, total: listed.length };
      }
    },
    listed: () => listed,
    polled(feedId) {
      if (!listed.some((f) => f.id === feedId)) return;
      listed = listed.filter((f) => f.id !== feedId);
      listedDone.add(feedId);
    },
    async finish(db) {
      const fallback = failures.run();
      if (fallback?.listed && fallback.finishedAt === undefined && listed.length === 0) {
        failures.setRun({ ...fallback, done: fallback.total, finishedAt: now() });
      }
      // A "refresh now" is over when none of the feeds it made due is still due, whichever
      // run (this one, or one before a worker restart) polled them; a feed whose new state the
      // database refused is still due, but was polled: the log counts it.
      const current = (await db.get('meta', RUN_KEY)) as RefreshRun | undefined;
      if (!current || current.finishedAt !== undefined) return;
      const { done, total } = await refreshProgress(db, current.startedAt, current.total, failures.countSince(current.startedAt));
      if (done < total) return;
      const finished = { ...current, finishedAt: now() };
      // Storage full: the end goes to the log, or the refresh would look endless.
      await db.put('meta', finished, RUN_KEY).catch(() => failures.setRun(finished));
    },
    async progress(db, polling) {
      const stored = (await db.get('meta', RUN_KEY)) as RefreshRun | undefined;
      await failures.ready;
      const fallback = failures.run();
      // The newer run wins; at the same start the log knows better (it holds an end the database refused).
      const current = fallback && (!stored || fallback.startedAt >= stored.startedAt) ? fallback : stored;
      if (!current) return { running: polling, startedAt: 0, done: 0, total: 0 };
      const over = { running: false, startedAt: current.startedAt, done: current.total, total: current.total };
      if (current.finishedAt !== undefined) return over;
      // Polling from a list in memory: a restarted worker lost the list, so that refresh is over.
      if (current === fallback && fallback.listed) return polling ? { running: true, startedAt: current.startedAt, done: listedDone.size, total: current.total } : over;
      const p = await refreshProgress(db, current.startedAt, current.total, failures.countSince(current.startedAt));
      return { running: true, startedAt: current.startedAt, ...p };
    },
  };
}

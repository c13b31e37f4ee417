/** A poll whose transaction the database refused (storage full): its status, kept somewhere. */
import { commitPoll } from '../db/posts';
import { storageFailure, storageFailureDetail } from '../db/storage-error';
import type { FetchStatusKind, StoredFeed } from '../db/types';
import { describeFetchStatus } from './describe-status';
import type { PollDeps, PollResult } from './poll-feed';
import { nextCheckAt } from './schedule';

/**
 * The database refused the poll's transaction (nothing of it was written: what was stored
 * stays). The feed's status says so, with a backoff: in its own record when that small write
 * still goes through, else in the save-failure log. Validators are left alone, so the next
 * fetch brings the posts again instead of a 304.
 */
export async function saveFailed(feed: StoredFeed, err: unknown, deps: PollDeps, now: number): Promise<PollResult> {
  const f = storageFailure(err);
  const status: FetchStatusKind = f.quota ? 'storage-full' : 'storage-error';
  const lastMessage = describeFetchStatus({ kind: status, message: storageFailureDetail(f) }).message;
  const errorCount = Math.max(feed.errorCount, deps.saveFailures?.get(feed.id)?.errorCount ?? 0) + 1;
  const { at, intervalMs } = nextCheckAt({
    now,
    outcome: 'error',
    headers: { cacheControl: null, expires: null, retryAfter: null, date: null },
    errorCount,
    postTimes: feed.postTimes ?? [],
    ...(deps.random ? { random: deps.random } : {}),
    ...(deps.minIntervalMs !== undefined ? { minIntervalMs: deps.minIntervalMs } : {}),
    ...(deps.maxIntervalMs !== undefined ? { maxIntervalMs: deps.maxIntervalMs } : {}),
  });
  console.warn('[orrery:poll] could not save', feed.url, err);
  try {
    await commitPoll(
      deps.db,
      feed.id,
      (current) => ({
        ...current,
        lastFetchAt: now,
        lastStatus: status,
        lastMessage,
        fetchCount: current.fetchCount + 1,
        errorCount: Math.max(current.errorCount + 1, errorCount),
        nextCheckAt: at,
        intervalMs,
        scheduleReason: `could not save: retry in ${Math.round((at - now) / 60_000)} min`,
      }),
      [],
      now,
    );
    deps.saveFailures?.clear(feed.id);
  } catch {
    deps.saveFailures?.record(feed.id, { status, message: lastMessage, at: now, errorCount, retryAt: at });
  }
  return { feedId: feed.id, status };
}


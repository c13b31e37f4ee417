/**
 * What the worker could not write to IndexedDB, kept where a full database cannot stop it: in
 * the worker's memory, mirrored to extension storage (`browser.storage.local`: a separate
 * store outside the origin's IndexedDB quota). When storage is full, even the small put of a
 * feed's error status fails; this log then holds that status (shown by the popup and the
 * options page, which ask the worker for it), the backoff before the feed is tried again,
 * and the record of a "refresh now" whose progress the database could not take.
 */
import type { RefreshRun, StoredFeed } from '../db/types';

/** A feed's status that its record could not take. */
export interface FeedSaveFailure {
  status: 'storage-full' | 'storage-error';
  /** The sentence shown to the user (describeFetchStatus). */
  message: string;
  /** When the save failed. */
  at: number;
  /** Failures in a row, counting those stored in the feed record. */
  errorCount: number;
  /** Not polled again before this instant, except by "refresh now" (backoff, not a hot loop). */
  retryAt: number;
}

/** Everything the log holds, as the pages receive it. */
export interface SaveFailureState {
  feeds: Record<string, FeedSaveFailure>;
  /** A "refresh now" whose start or end the database refused. */
  run?: RefreshRun & { listed?: boolean };
}

/** Where the log is mirrored (browser.storage.local in the worker). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The worker's log of refused writes. */
export interface SaveFailureLog {
  /** Resolves once the mirrored copy has been read back (at worker start). */
  ready: Promise<void>;
  get(feedId: string): FeedSaveFailure | undefined;
  record(feedId: string, failure: FeedSaveFailure): void;
  /** The feed was saved: its entry is obsolete. */
  clear(feedId: string): void;
  /** "Refresh now": the user asks for every feed, backoff or not. */
  allowRetries(): void;
  /** Feeds whose save failed at or after `since` (they stay due in the database). */
  countSince(since: number): number;
  run(): SaveFailureState['run'];
  setRun(run: SaveFailureState['run']): void;
  snapshot(): SaveFailureState;
}

const KEY = 'save-failures';

/** Creates the log, reading back what an earlier worker mirrored to `area`. */
export function createSaveFailureLog(area?: KeyValueArea): SaveFailureLog {
  let state: SaveFailureState = { feeds: {} };
  let writing: Promise<void> = Promise.resolve();
  const ready = (area?.get(KEY) ?? Promise.resolve<Record<string, unknown>>({}))
    .then((got) => {
      const stored = got[KEY] as SaveFailureState | undefined;
      if (stored && typeof stored === 'object' && stored.feeds && typeof stored.feeds === 'object') {
        state = { feeds: { ...stored.feeds, ...state.feeds }, ...(state.run ?? stored.run ? { run: state.run ?? stored.run } : {}) };
      }
    })
    .catch((err: unknown) => console.warn('[orrery:save-failures] could not read the mirrored log', err));
  const mirror = () => {
    if (!area) return;
    // One write at a time, each of the latest state; a refused write leaves the memory copy.
    writing = writing.then(() => area.set({ [KEY]: state })).catch((err: unknown) => console.warn('[orrery:save-failures] could not mirror the log', err));
  };
  return {
    ready,
    get: (id) => state.feeds[id],
    record(id, failure) {
      state = { ...state, feeds: { ...state.feeds, [id]: failure } };
      mirror();
    },
    clear(id) {
      if (!state.feeds[id]) return;
      const feeds = { ...state.feeds };
      delete feeds[id];
      state = { ...state, feeds };
      mirror();
    },
    allowRetries() {
      const feeds = Object.fromEntries(Object.entries(state.feeds).map(([id, f]) => [id, { ...f, retryAt: 0 }]));
      state = { ...state, feeds };
      mirror();
    },
    countSince: (since) => Object.values(state.feeds).filter((f) => f.at >= since).length,
    run: () => state.run,
    setRun(run) {
      state = { feeds: state.feeds, ...(run ? { run } : {}) };
      mirror();
    },
    snapshot: () => state,
  };
}

/**
 * The feeds as the user should see them: a feed whose status could only be logged here (its
 * record refused the write) shows that status instead of the older one in its record.
 */
export function withSaveFailures(feeds: StoredFeed[], state: SaveFailureState | undefined): StoredFeed[] {
  if (!state || Object.keys(state.feeds).length === 0) return feeds;
  return feeds.map((feed) => {
    const f = state.feeds[feed.id];
    if (!f || (feed.lastFetchAt ?? -Infinity) > f.at) return feed;
    return { ...feed, lastFetchAt: f.at, lastStatus: f.status, lastMessage: f.message, errorCount: Math.max(f.errorCount, 1) };
  });
}

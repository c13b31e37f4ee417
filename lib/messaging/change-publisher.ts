/**
 * The worker's side of change broadcasts: what each poll and each action changed is gathered
 * and sent in one message, coalesced (a refresh commits dozens of polls a second), with the
 * badge recounted only when posts may have changed: a refresh answered by 304s moves no count.
 */
import { coalesce } from '../util/coalesce';
import { ALL_CHANGED, mergeChanges, polledChange, postsChanged, type StoredChange } from './stored-change';

/** What the publisher needs. */
export interface PublisherDeps {
  announce: (change: StoredChange) => void;
  /** Recounts unread posts and shows them on the badge. */
  updateBadge: () => Promise<void>;
  /** Pause before a folded run (throttles a burst). */
  gapMs?: number;
}

/** A poll's outcome as far as pages care: its feed, and whether it added, changed or removed posts. */
export interface PolledFeed {
  feedId: string;
  commit?: { added: number; updated: number; removed: number };
}

/** The publisher's operations. */
export interface ChangePublisher {
  /** After a poll committed. */
  polled(result: PolledFeed): Promise<void>;
  /** After anything else (a reader's action, a subscription, the settings): pages re-read everything, the badge is recounted. */
  all(): Promise<void>;
}

/** Creates the publisher. */
export function createChangePublisher(deps: PublisherDeps): ChangePublisher {
  let pending: StoredChange | undefined;
  const flush = coalesce(
    async () => {
      const change = pending;
      pending = undefined;
      if (!change) return;
      deps.announce(change);
      if (postsChanged(change)) await deps.updateBadge();
    },
    { gapMs: deps.gapMs ?? 250 },
  );
  const add = (change: StoredChange) => {
    pending = mergeChanges(pending, change);
    return flush();
  };
  return {
    polled: (r) => {
      const c = r.commit;
      return add(polledChange(r.feedId, c !== undefined && c.added + c.updated + c.removed > 0));
    },
    all: () => add(ALL_CHANGED),
  };
}

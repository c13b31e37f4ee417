/**
 * One sync pass with a Google Reader API service. The order matters: Orrery's queued changes
 * go first (so they are not overwritten by the service's older state), then the service's
 * subscriptions, new posts and read/starred state come in. A failure stops the pass; the
 * queue keeps what was not sent, and the next pass starts over (every step is idempotent).
 */
import type { Db } from '../db/open-db';
import type { Retention } from '../db/retention';
import type { StoredFeed, SyncQueueEntry } from '../db/types';
import type { GReaderClient } from './greader-client';
import { READ, STARRED } from './greader-ids';
import { applyServiceStates } from './apply-service-states';
import { missingItemIds, storeServiceItems } from './store-service-items';
import { pushSubscriptionEdits, syncSubscriptions, type SubscriptionsResult } from './sync-subscriptions';
import { dequeue, enqueue, queuedEntries } from './sync-queue';

/** Where incremental syncs resume. */
export interface SyncCursor {
  /** Seconds: items crawled since then are asked for (`ot`). Unset: the first sync. */
  itemsSince?: number;
}

/** Limits of one pass. */
export interface SyncLimits {
  /** The first sync takes at most this many of the newest items. */
  firstSyncItems: number;
  /** Items per stream/items/contents request. */
  contentsBatch: number;
  /** Ids per edit-tag request. */
  editTagBatch: number;
  /** The longest id list read for the state (unread, starred). */
  maxStateIds: number;
}

/** Defaults: a first sync of up to 20,000 posts (the benchmark's size). */
export const DEFAULT_LIMITS: SyncLimits = { firstSyncItems: 20_000, contentsBatch: 250, editTagBatch: 250, maxStateIds: 100_000 };

/** What a pass did (shown as progress and in the benchmark). */
export interface SyncResult extends SubscriptionsResult {
  statesSent: number;
  postsAdded: number;
  /** Posts retention removed after storing. */
  postsExpired: number;
  postsLinked: number;
  statesChanged: number;
  /** Keys of posts whose read/starred state the service changed. */
  changedKeys: [string, string][];
}

/** Progress of a pass, for the Sync section. */
export type SyncPhase = 'sending changes' | 'subscriptions' | 'posts' | 'read and starred';

/** What a pass needs. */
export interface RunSyncDeps {
  db: Db;
  client: GReaderClient;
  now: () => number;
  limits?: SyncLimits;
  /** The reader's retention: synced posts obey it as polled posts do. */
  retention?: Retention;
  onProgress?: (phase: SyncPhase, done: number, total: number) => void;
}

/** Sends queued read/starred changes, grouped into few edit-tag requests. */
async function pushStates(deps: RunSyncDeps, queue: SyncQueueEntry[], batch: number): Promise<number> {
  const groups = new Map<string, Extract<SyncQueueEntry, { kind: 'state' }>[]>();
  for (const e of queue) {
    if (e.kind !== 'state') continue;
    const k = `${e.tag}:${e.on}`;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  let sent = 0;
  for (const entries of groups.values()) {
    for (let i = 0; i < entries.length; i += batch) {
      const part = entries.slice(i, i + batch);
      const tag = part[0]!.tag === 'read' ? READ : STARRED;
      await deps.client.editTag(part.map((e) => e.itemId), part[0]!.on ? { add: tag } : { remove: tag });
      await dequeue(deps.db, part);
      sent += part.length;
    }
  }
  return sent;
}

/** Runs one pass; returns what it did and the cursor for the next. */
export async function runSync(deps: RunSyncDeps, cursor: SyncCursor): Promise<{ result: SyncResult; cursor: SyncCursor }> {
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const { db, client } = deps;
  const startedAt = deps.now();
  const progress = deps.onProgress ?? (() => undefined);

  progress('sending changes', 0, 1);
  let queue = await queuedEntries(db);
  const edits = await pushSubscriptionEdits(db, client, queue);

  progress('subscriptions', 0, 1);
  const subs = await client.subscriptions();
  queue = await queuedEntries(db);
  const subsResult = await syncSubscriptions(db, client, subs, queue, deps.now());
  subsResult.edits = edits;

  const feeds = await db.getAll('feeds');
  const bySyncId = new Map<string, StoredFeed>(feeds.filter((f) => f.syncId).map((f) => [f.syncId!, f]));

  progress('posts', 0, 1);
  const ids =
    cursor.itemsSince === undefined
      ? await client.allItemIds({}, limits.firstSyncItems)
      : await client.allItemIds({ ot: cursor.itemsSince }, limits.maxStateIds);
  const missing = await missingItemIds(db, ids);
  let postsAdded = 0;
  let postsLinked = 0;
  let postsExpired = 0;
  for (let i = 0; i < missing.length; i += limits.contentsBatch) {
    const items = await client.itemContents(missing.slice(i, i + limits.contentsBatch));
    const stored = await storeServiceItems(db, items, bySyncId, deps.now(), deps.retention);
    postsAdded += stored.added;
    postsExpired += stored.removed;
    postsLinked += stored.linked;
    // A post Orrery had before the feed was synced keeps the reader's state: it is sent below.
    await enqueue(db, stored.push);
    progress('posts', Math.min(missing.length, i + limits.contentsBatch), missing.length);
  }

  progress('read and starred', 0, 1);
  const statesSent = await pushStates(deps, await queuedEntries(db), limits.editTagBatch);
  const [unread, starred] = await Promise.all([
    client.allItemIds({ xt: READ }, limits.maxStateIds),
    client.allItemIds({ s: STARRED }, limits.maxStateIds),
  ]);
  const pending = new Set((await queuedEntries(db)).map((e) => e.key));
  const changedKeys = await applyServiceStates(
    db,
    {
      ...(unread.length < limits.maxStateIds ? { unread: new Set(unread) } : {}),
      ...(starred.length < limits.maxStateIds ? { starred: new Set(starred) } : {}),
    },
    pending,
  );
  // Crawl times come from the service's clock: a margin covers a skew of a few minutes.
  return {
    result: { ...subsResult, statesSent, postsAdded, postsExpired, postsLinked, statesChanged: changedKeys.length, changedKeys },
    cursor: { itemsSince: Math.floor(startedAt / 1000) - 600 },
  };
}

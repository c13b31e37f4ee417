/** Subscriptions and folders both ways: the service's list into Orrery, Orrery's changes out. */
import { makeFeed, removeFeed, updateFeed } from '../db/feeds';
import type { Db } from '../db/open-db';
import type { StoredFeed, SyncQueueEntry } from '../db/types';
import type { GReaderClient } from './greader-client';
import { labelId } from './greader-ids';
import type { ServiceSubscription } from './greader-parse';
import { dequeue } from './sync-queue';

/** What a subscriptions pass did. */
export interface SubscriptionsResult {
  /** Feeds the service listed that Orrery did not have. */
  added: number;
  /** Feeds unsubscribed on the service, removed here. */
  removed: number;
  /** Orrery's feeds sent to the service. */
  pushed: number;
  /** Orrery's feeds the service could not add (kept local-only, polled by Orrery). */
  refused: number;
  /** Renames, moves and removals sent. */
  edits: number;
}

/** Sends queued renames, moves and unsubscriptions, oldest first. */
export async function pushSubscriptionEdits(db: Db, client: GReaderClient, queue: SyncQueueEntry[]): Promise<number> {
  let n = 0;
  for (const e of queue) {
    if (e.kind === 'unsubscribe') await client.editSubscription({ ac: 'unsubscribe', s: e.streamId });
    else if (e.kind === 'edit') {
      const moved = e.folder !== undefined && e.folder !== e.oldFolder;
      await client.editSubscription({
        ac: 'edit',
        s: e.streamId,
        ...(e.title !== undefined ? { t: e.title } : {}),
        ...(moved && e.folder ? { a: labelId(e.folder) } : {}),
        ...(moved && e.oldFolder ? { r: labelId(e.oldFolder) } : {}),
      });
    } else continue;
    await dequeue(db, [e]);
    n++;
  }
  return n;
}

async function patchFeed(db: Db, id: string, patch: (f: StoredFeed) => StoredFeed): Promise<void> {
  const tx = db.transaction('feeds', 'readwrite');
  const f = await tx.store.get(id);
  if (f) await tx.store.put(patch(f));
  await tx.done;
}

/** A synced feed is never due: the service fetches it (Infinity is where gone feeds wait too). */
const linked = (f: StoredFeed, streamId: string): StoredFeed => {
  const next: StoredFeed = { ...f, syncId: streamId, nextCheckAt: Infinity, scheduleReason: 'synced: the service fetches it' };
  delete next.syncLocalOnly;
  return next;
};

/**
 * Reconciles the service's subscriptions with Orrery's: the service's new feeds are added
 * with their folders, its renames and moves applied, its removals removed; Orrery's feeds it
 * does not carry are sent (quickadd, then title and folder). Feeds with a queued edit keep
 * Orrery's version until it is sent.
 */
export async function syncSubscriptions(db: Db, client: GReaderClient, subs: ServiceSubscription[], queue: SyncQueueEntry[], now: number): Promise<SubscriptionsResult> {
  const result: SubscriptionsResult = { added: 0, removed: 0, pushed: 0, refused: 0, edits: 0 };
  const pendingEdit = new Set(queue.filter((e) => e.kind === 'edit').map((e) => (e as { streamId: string }).streamId));
  const pendingUnsub = new Set(queue.filter((e) => e.kind === 'unsubscribe').map((e) => (e as { streamId: string }).streamId));
  const feeds = await db.getAll('feeds');
  const bySync = new Map(feeds.filter((f) => f.syncId).map((f) => [f.syncId!, f]));
  const byUrl = new Map(feeds.map((f) => [f.url, f]));
  const listed = new Set<string>();
  const listedUrls = new Set<string>();
  for (const s of subs) {
    // Removed here, not yet on the service: not added back.
    if (pendingUnsub.has(s.id)) continue;
    listed.add(s.id);
    listedUrls.add(s.url);
    const f = bySync.get(s.id) ?? byUrl.get(s.url);
    if (!f) {
      const feed = linked(makeFeed({ url: s.url, title: s.title, ...(s.siteUrl ? { siteUrl: s.siteUrl } : {}), folder: s.folder, firstCheckAt: Infinity }, now), s.id);
      // add() refuses a URL added meanwhile (a subscribe racing this pass): the next pass links it.
      await db.add('feeds', feed).then(() => result.added++, () => undefined);
      continue;
    }
    if (f.syncId !== s.id || f.nextCheckAt !== Infinity) await patchFeed(db, f.id, (cur) => linked(cur, s.id));
    if (pendingEdit.has(s.id)) continue;
    const changes: { title?: string; folder?: string } = {};
    if (s.title && s.title !== f.title) changes.title = s.title;
    if (s.folder !== f.folder) changes.folder = s.folder;
    if (changes.title !== undefined || changes.folder !== undefined) await updateFeed(db, f.id, changes, now);
  }
  for (const f of feeds) {
    if (f.syncId && !listed.has(f.syncId) && !listedUrls.has(f.url) && !pendingEdit.has(f.syncId)) {
      await removeFeed(db, f.id);
      result.removed++;
    }
  }
  for (const f of feeds) {
    if (f.syncId || f.syncLocalOnly !== undefined || listedUrls.has(f.url) || f.state === 'gone') continue;
    const added = await client.quickAdd(f.url);
    if (!added.streamId) {
      await patchFeed(db, f.id, (cur) => ({ ...cur, syncLocalOnly: added.error ?? 'refused' }));
      result.refused++;
      continue;
    }
    await client.editSubscription({ ac: 'edit', s: added.streamId, t: f.title, ...(f.folder ? { a: labelId(f.folder) } : {}) });
    await patchFeed(db, f.id, (cur) => linked(cur, added.streamId!));
    result.pushed++;
  }
  return result;
}

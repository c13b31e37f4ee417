/** Applying the operations of a merged subscription document to the local feeds (IndexedDB). */
import { addFeeds, removeFeed, updateFeed, type FeedChanges } from '../db/feeds';
import type { Db } from '../db/open-db';
import type { StoredFeed } from '../db/types';
import { importSpreadMs } from '../subscribe/import-opml';
import type { SyncedSettings } from './browser-sync-doc';
import type { FeedOp } from './browser-sync-plan';

/** What applying did: counts, and each URL's local feed id now (for the next merge). */
export interface ApplyResult {
  added: number;
  removed: number;
  moved: number;
  updated: number;
  /** URL → feed id changes: an id, or undefined for a URL no longer subscribed here. */
  ids: Map<string, string | undefined>;
}

/** Interval and notifications through updateFeed (it reschedules and sets notifyFrom); full articles on the record. */
async function applySettings(db: Db, id: string, s: SyncedSettings, changes: FeedChanges, now: number): Promise<void> {
  await updateFeed(db, id, { ...changes, overrideMinutes: s.i ?? null, notify: s.n === 1 }, now);
  await patchFeed(db, id, (f) => {
    if (Boolean(f.fulltext) === (s.x === 1)) return undefined;
    const next = { ...f };
    if (s.x) next.fulltext = true;
    else delete next.fulltext;
    return next;
  });
}

async function patchFeed(db: Db, id: string, patch: (f: StoredFeed) => StoredFeed | undefined): Promise<boolean> {
  const tx = db.transaction('feeds', 'readwrite');
  const f = await tx.store.get(id);
  const next = f ? patch(f) : undefined;
  if (next) await tx.store.put(next);
  await tx.done;
  return next !== undefined;
}

/**
 * Applies the operations. New feeds get their first polls spread like an import's; a removal
 * or move checks the feed still has the URL it was planned for (a change made meanwhile wins).
 */
export async function applyFeedOps(db: Db, ops: FeedOp[], nowMs: number, random: () => number = Math.random): Promise<ApplyResult> {
  const result: ApplyResult = { added: 0, removed: 0, moved: 0, updated: 0, ids: new Map() };
  const adds = ops.filter((o): o is Extract<FeedOp, { op: 'add' }> => o.op === 'add');
  if (adds.length) {
    const spread = adds.length > 1 ? importSpreadMs(adds.length) : 0;
    const { added } = await addFeeds(
      db,
      adds.map((o) => ({ url: o.url, ...(o.title ? { title: o.title } : {}), folder: o.folder, firstCheckAt: nowMs + Math.floor(random() * spread) })),
      nowMs,
    );
    const settings = new Map(adds.map((o) => [o.url, o.settings]));
    for (const f of added) {
      result.ids.set(f.url, f.id);
      const s = settings.get(f.url);
      if (s) await applySettings(db, f.id, s, {}, nowMs);
    }
    result.added = added.length;
  }
  for (const o of ops) {
    if (o.op === 'remove') {
      const tx = db.transaction('feeds');
      const f = await tx.store.get(o.id);
      await tx.done;
      if (f?.url !== o.url || f.syncId) continue;
      await removeFeed(db, o.id);
      result.ids.set(o.url, undefined);
      result.removed++;
    } else if (o.op === 'move') {
      const taken = await db.getKeyFromIndex('feeds', 'url', o.url);
      if (taken !== undefined) continue;
      const ok = await patchFeed(db, o.id, (f) => (f.url === o.from ? { ...f, url: o.url, scheduleReason: 'moved on another browser' } : undefined));
      if (!ok) continue;
      result.ids.set(o.from, undefined);
      result.ids.set(o.url, o.id);
      result.moved++;
    } else if (o.op === 'update') {
      const changes: FeedChanges = {};
      if (o.title !== undefined) changes.title = o.title;
      if (o.folder !== undefined) changes.folder = o.folder;
      if (o.settings) await applySettings(db, o.id, o.settings, changes, nowMs);
      else if (Object.keys(changes).length) await updateFeed(db, o.id, changes, nowMs);
      result.updated++;
    }
  }
  return result;
}

/**
 * Between Orrery's feeds and the synced document: the local changes stamped into the
 * document (what this browser did since its last merge), and the changes a merged document
 * asks of the local feeds. Pure: feed records in, document and operations out.
 *
 * Feeds a Google Reader service carries (`syncId`) are left out both ways while that account
 * is connected: the service is their sync, and two channels would undo each other's removals.
 */
import type { StoredFeed } from '../db/types';
import { isAlive, sec, type DocEntry, type SyncDoc, type SyncedSettings } from './browser-sync-doc';

/** What this browser remembers of its last merge (storage.local). */
export interface LocalState {
  doc: SyncDoc;
  /** Local feed id of each URL at the last merge: a feed whose URL changed has moved. */
  ids: Map<string, string>;
}

/** The settings of a feed as synced. */
export function feedSettings(f: Pick<StoredFeed, 'overrideMinutes' | 'notify' | 'fulltext'>): SyncedSettings | undefined {
  const s: SyncedSettings = {};
  if (f.overrideMinutes) s.i = f.overrideMinutes;
  if (f.notify) s.n = 1;
  if (f.fulltext) s.x = 1;
  return Object.keys(s).length ? s : undefined;
}

const sameSettings = (x: SyncedSettings | undefined, y: SyncedSettings | undefined) => (x?.i ?? 0) === (y?.i ?? 0) && (x?.n ?? 0) === (y?.n ?? 0) && (x?.x ?? 0) === (y?.x ?? 0);

/** Whether a feed takes part in the browser's sync (a connected service's feeds do not). */
export const takesPart = (f: StoredFeed): boolean => !f.syncId;

/**
 * The local document with this browser's changes since `state` stamped at `nowMs`: new
 * subscriptions, removals, renames, moves between folders, settings, URL moves. On the first
 * merge (`state` undefined) the feeds join with field times of 0, so a list already in sync
 * keeps its titles and folders for the feeds it shares.
 */
export function stampLocalChanges(feeds: StoredFeed[], state: LocalState | undefined, nowMs: number): SyncDoc {
  const now = sec(nowMs);
  const doc: SyncDoc = { h: state?.doc.h ?? 0, e: new Map(state?.doc.e) };
  const byUrl = new Map(feeds.map((f) => [f.url, f]));
  const urlOfId = new Map<string, string>();
  for (const [url, id] of state?.ids ?? []) urlOfId.set(id, url);
  for (const f of feeds) {
    if (!takesPart(f)) continue;
    const cur = doc.e.get(f.url);
    const title = f.title;
    const folder = f.folder;
    const s = feedSettings(f);
    if (!cur || !isAlive(cur)) {
      const a = Math.max(now, (cur?.d ?? 0) + 1);
      const fieldTime = state ? a : 0;
      const e: DocEntry = { a, t: title, tt: fieldTime, f: folder, ft: fieldTime };
      if (s) Object.assign(e, { s, st: fieldTime });
      const from = urlOfId.get(f.id);
      if (from && from !== f.url && !byUrl.has(from)) e.m = from;
      doc.e.set(f.url, e);
      continue;
    }
    const next = { ...cur };
    if (cur.t !== title) Object.assign(next, { t: title, tt: now });
    if (cur.f !== folder) Object.assign(next, { f: folder, ft: now });
    if (!sameSettings(cur.s, s)) {
      if (s) Object.assign(next, { s, st: now });
      else Object.assign(next, { s: {}, st: now });
    }
    doc.e.set(f.url, next);
  }
  // Gone from this browser since the last merge: removed here (a feed a service now carries is not).
  for (const [url, e] of doc.e) {
    if (!isAlive(e) || byUrl.has(url)) continue;
    if (state?.ids.has(url) === false) continue;
    doc.e.set(url, { a: 0, d: Math.max(now, e.a + 1) });
  }
  return doc;
}

/** A change the merged document asks of the local feeds. */
export type FeedOp =
  | { op: 'add'; url: string; title: string; folder: string; settings?: SyncedSettings }
  | { op: 'move'; id: string; from: string; url: string }
  | { op: 'remove'; id: string; url: string }
  | { op: 'update'; id: string; title?: string; folder?: string; settings?: SyncedSettings };

/**
 * The operations that bring the local feeds (the same snapshot the changes were stamped
 * from) in line with the merged document. Feeds outside the snapshot are never touched.
 */
export function planLocalChanges(merged: SyncDoc, feeds: StoredFeed[]): FeedOp[] {
  const ops: FeedOp[] = [];
  const byUrl = new Map(feeds.map((f) => [f.url, f]));
  const moved = new Set<string>();
  for (const [url, e] of merged.e) {
    if (!isAlive(e)) continue;
    const local = byUrl.get(url);
    if (local) {
      if (!takesPart(local)) continue;
      const op: FeedOp = { op: 'update', id: local.id };
      if (e.t !== undefined && e.t !== local.title) op.title = e.t;
      if (e.f !== undefined && e.f !== local.folder) op.folder = e.f;
      if (e.s !== undefined && !sameSettings(e.s, feedSettings(local))) op.settings = e.s;
      if (op.title !== undefined || op.folder !== undefined || op.settings) ops.push(op);
      continue;
    }
    const from = e.m ? byUrl.get(e.m) : undefined;
    if (from && takesPart(from) && !moved.has(from.id) && !(merged.e.get(e.m!) && isAlive(merged.e.get(e.m!)!))) {
      moved.add(from.id);
      ops.push({ op: 'move', id: from.id, from: from.url, url });
      const rest: FeedOp = { op: 'update', id: from.id };
      if (e.t !== undefined && e.t !== from.title) rest.title = e.t;
      if (e.f !== undefined && e.f !== from.folder) rest.folder = e.f;
      if (e.s !== undefined && !sameSettings(e.s, feedSettings(from))) rest.settings = e.s;
      if (rest.title !== undefined || rest.folder !== undefined || rest.settings) ops.push(rest);
      continue;
    }
    ops.push({ op: 'add', url, title: e.t ?? '', folder: e.f ?? '', ...(e.s && Object.keys(e.s).length ? { settings: e.s } : {}) });
  }
  for (const f of feeds) {
    if (!takesPart(f) || moved.has(f.id)) continue;
    const e = merged.e.get(f.url);
    if (!e || !isAlive(e)) ops.push({ op: 'remove', id: f.id, url: f.url });
  }
  return ops;
}

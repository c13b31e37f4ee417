/**
 * The subscription list as the browser's own sync (storage.sync) carries it: a
 * last-writer-wins map keyed by feed URL, with tombstones, that any two browsers merge to the
 * same result in any order. Times are whole seconds.
 *
 * - An entry exists from `a` (subscribed) and is removed at `d`: it is alive while `d` is
 *   not later than `a`, so subscribing again after a removal brings it back.
 * - Title, folder and settings each carry their own time, so a rename on one browser and a
 *   move on another both survive; a tie is broken by the value, so every browser picks the same.
 * - Tombstones are dropped after TOMBSTONE_DAYS and the document's horizon `h` moves up to
 *   that instant: an entry older than the other side's horizon that the other side lacks was
 *   removed there (its tombstone already dropped), so it is not brought back.
 */

/** Per-feed settings that travel with the subscription. */
export interface SyncedSettings {
  /** Minutes between checks chosen by the reader. */
  i?: number;
  /** Notifications for this feed. */
  n?: 1;
  /** "Always load full articles". */
  x?: 1;
}

/** One URL's record. */
export interface DocEntry {
  /** Subscribed at (0: only a removal is known). */
  a: number;
  /** Removed at. */
  d?: number;
  /** Title and its time. */
  t?: string;
  tt?: number;
  /** Folder ('' for none) and its time. */
  f?: string;
  ft?: number;
  /** Settings and their time. */
  s?: SyncedSettings;
  st?: number;
  /** The URL this subscription moved from (a permanent redirect): other browsers move their copy. */
  m?: string;
}

/** A document: the horizon and the entries by URL. */
export interface SyncDoc {
  h: number;
  e: Map<string, DocEntry>;
}

/** How long a removal is remembered. */
export const TOMBSTONE_DAYS = 60;

/** An empty document. */
export function emptyDoc(): SyncDoc {
  return { h: 0, e: new Map() };
}

/** Whether the entry is a live subscription. */
export function isAlive(e: DocEntry): boolean {
  return e.a > (e.d ?? 0);
}

/**
 * What a browser writes after merging: fields a first merge stamped 0 (see stampLocalChanges)
 * become 1, so the next browser joining with its own titles for the same feeds defers to them.
 */
export function settle(doc: SyncDoc): SyncDoc {
  const e = new Map<string, DocEntry>();
  for (const [url, v] of doc.e) {
    const w = { ...v };
    if (w.t !== undefined && !w.tt) w.tt = 1;
    if (w.f !== undefined && !w.ft) w.ft = 1;
    if (w.s !== undefined && !w.st) w.st = 1;
    e.set(url, w);
  }
  return { h: doc.h, e };
}

/** Seconds from milliseconds. */
export function sec(ms: number): number {
  return Math.floor(ms / 1000);
}

/** The newer of two timed values; equal times pick the larger value so every browser agrees. */
function newer<T>(x: T | undefined, xt: number, y: T | undefined, yt: number): [T | undefined, number] {
  if (x === undefined) return [y, yt];
  if (y === undefined) return [x, xt];
  if (xt !== yt) return xt > yt ? [x, xt] : [y, yt];
  return JSON.stringify(x) >= JSON.stringify(y) ? [x, xt] : [y, yt];
}

/**
 * The merge of two records of one URL. Existence: the latest subscription against the latest
 * removal. Each field: the newest value written after the latest removal (values from before
 * it belong to the removed subscription). Filtering by the final removal time alone keeps the
 * merge associative, so any order of merges between browsers ends the same.
 */
export function mergeEntry(x: DocEntry, y: DocEntry): DocEntry {
  const a = Math.max(x.a, y.a);
  const d = Math.max(x.d ?? 0, y.d ?? 0);
  const ok = (t: number | undefined) => d === 0 || (t ?? 0) > d;
  const out: DocEntry = { a };
  if (d) out.d = d;
  const pick = <K extends 't' | 'f' | 's', KT extends 'tt' | 'ft' | 'st'>(k: K, kt: KT) => {
    const [v, t] = newer(ok(x[kt]) ? x[k] : undefined, x[kt] ?? 0, ok(y[kt]) ? y[k] : undefined, y[kt] ?? 0);
    if (v !== undefined) Object.assign(out, { [k]: v, [kt]: t });
  };
  pick('t', 'tt');
  pick('f', 'ft');
  pick('s', 'st');
  // The move hint of the latest subscription (a move is a new subscription of the new URL).
  const [m] = newer(x.a === a ? x.m : undefined, 0, y.a === a ? y.m : undefined, 0);
  if (m) out.m = m;
  return out;
}

/**
 * Two browsers' documents merged. A URL only one side has stays, unless it is older than the
 * other side's horizon: then the other side dropped its removal and it must not come back.
 */
export function mergeDocs(x: SyncDoc, y: SyncDoc): SyncDoc {
  const e = new Map<string, DocEntry>();
  const keep = (entry: DocEntry, otherH: number) => Math.max(entry.a, entry.d ?? 0) > otherH;
  for (const [url, xe] of x.e) {
    const ye = y.e.get(url);
    if (ye) e.set(url, mergeEntry(xe, ye));
    else if (keep(xe, y.h)) e.set(url, mergeEntry(xe, xe));
  }
  for (const [url, ye] of y.e) if (!x.e.has(url) && keep(ye, x.h)) e.set(url, mergeEntry(ye, ye));
  return prune({ h: Math.max(x.h, y.h), e }, 0);
}

/** The union of parts of one document (its storage items): nothing is dropped. */
export function combineParts(parts: SyncDoc[]): SyncDoc {
  const out = emptyDoc();
  for (const p of parts) {
    out.h = Math.max(out.h, p.h);
    for (const [url, v] of p.e) {
      const cur = out.e.get(url);
      out.e.set(url, mergeEntry(cur ?? v, v));
    }
  }
  return out;
}

/**
 * Drops removals made at or before `cutoff` (seconds; 0: none beyond the horizon) and raises
 * the horizon to the latest removal dropped, so a document changes only when one is dropped.
 * Move hints whose old URL is forgotten go too.
 */
export function prune(doc: SyncDoc, cutoff: number): SyncDoc {
  let h = doc.h;
  const e = new Map<string, DocEntry>();
  for (const [url, v] of doc.e) {
    const d = v.d ?? 0;
    if (!isAlive(v) && d <= Math.max(doc.h, cutoff)) {
      h = Math.max(h, d);
      continue;
    }
    e.set(url, v);
  }
  for (const [url, v] of e) {
    if (!v.m || e.has(v.m)) continue;
    const copy = { ...v };
    delete copy.m;
    e.set(url, copy);
  }
  return { h, e };
}

const FIELDS = ['a', 'd', 't', 'tt', 'f', 'ft', 's', 'st', 'm'] as const;

/** An entry's fields in one fixed order (equal entries give equal strings). */
export function entryKey(v: DocEntry): string {
  return JSON.stringify(FIELDS.map((k) => v[k] ?? null));
}

/** Whether two documents say the same. */
export function sameDoc(x: SyncDoc, y: SyncDoc): boolean {
  if (x.h !== y.h || x.e.size !== y.e.size) return false;
  for (const [url, v] of x.e) {
    const w = y.e.get(url);
    if (!w || entryKey(v) !== entryKey(w)) return false;
  }
  return true;
}

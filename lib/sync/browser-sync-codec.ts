/**
 * The storage.sync items of a subscription document. The URLs are split into K parts by a hash
 * of the URL, each part one item (`s<K>.<k>`) holding compact JSON, deflated and in base64, so
 * a change rewrites only its own item, and items from different browsers or different K never
 * need each other to be read: reading takes the union of every item present.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { combineParts, emptyDoc, type DocEntry, type SyncDoc, type SyncedSettings } from './browser-sync-doc';

/** Chrome's and Firefox's storage.sync limits. */
export const QUOTA = {
  /** Bytes per item: the key's length plus its value's JSON. */
  perItem: 8192,
  /** Bytes in all. */
  total: 102_400,
  items: 512,
  writesPerMinute: 120,
  writesPerHour: 1800,
};

/** Headroom left in each item and in the total (another version may encode a little larger). */
const ITEM_LIMIT = QUOTA.perItem - 256;
const TOTAL_LIMIT = QUOTA.total - 2048;
/** The item size a new split aims at. */
const TARGET_ITEM = 2048;
/** Format version, the first character of every value. */
const VERSION = '1';
const KEY = /^s(\d+)\.(\d+)$/;

/** The bytes storage.sync counts for one item. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key).length + new TextEncoder().encode(JSON.stringify(value)).length;
}

/** Whether a storage.sync key is one of the subscription document's items. */
export function isDocKey(key: string): boolean {
  return KEY.test(key);
}

/** The part count of a key (0 if not a document key). */
export function partsOf(key: string): number {
  const m = KEY.exec(key);
  return m ? Number(m[1]) : 0;
}

/** FNV-1a over the URL: which part holds it. */
export function partOf(url: string, parts: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    h ^= url.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % parts;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

type Row = (string | number | SyncedSettings | null)[];

/** One part as a storage value: rows sorted by URL (neighbours share prefixes), times as offsets. */
export function encodePart(doc: SyncDoc, urls: string[]): string {
  urls.sort();
  let base = Infinity;
  for (const u of urls) {
    const v = doc.e.get(u)!;
    for (const t of [v.a, v.d, v.tt, v.ft, v.st]) if (t) base = Math.min(base, t);
  }
  if (base === Infinity) base = 0;
  const off = (t: number | undefined) => (t ? t - base + 1 : 0);
  const rows: Row[] = urls.map((u) => {
    const v = doc.e.get(u)!;
    const row: Row = [u, off(v.a), v.d ? off(v.d) : null, v.t ?? null, v.t !== undefined && v.tt !== v.a ? off(v.tt) : null, v.f ?? null, v.f !== undefined && v.ft !== v.a ? off(v.ft) : null, v.s ?? null, v.s !== undefined && v.st !== v.a ? off(v.st) : null, v.m ?? null];
    while (row[row.length - 1] === null) row.pop();
    return row;
  });
  return VERSION + toBase64(deflateSync(strToU8(JSON.stringify([doc.h, base, rows])), { level: 9 }));
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function settings(v: unknown): SyncedSettings | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const s: SyncedSettings = {};
  const i = num(o.i);
  if (i !== undefined && i > 0) s.i = i;
  if (o.n === 1) s.n = 1;
  if (o.x === 1) s.x = 1;
  return s;
}

/** One storage value read back; throws on a value this version cannot read (the caller names it). */
export function decodePart(value: unknown): SyncDoc {
  if (typeof value !== 'string' || value[0] !== VERSION) throw new Error(`unknown format ${typeof value === 'string' ? JSON.stringify(value.slice(0, 1)) : typeof value}`);
  const [h, base, rows] = JSON.parse(strFromU8(inflateSync(fromBase64(value.slice(1))))) as [unknown, unknown, unknown];
  const b = num(base) ?? 0;
  const at = (t: unknown) => {
    const n = num(t);
    return n ? n - 1 + b : 0;
  };
  const doc = emptyDoc();
  doc.h = num(h) ?? 0;
  for (const r of Array.isArray(rows) ? (rows as unknown[][]) : []) {
    const url = text(r[0]);
    if (!url || !/^https?:\/\//i.test(url)) continue;
    const e: DocEntry = { a: at(r[1]) };
    if (r[2] != null) e.d = at(r[2]);
    const t = text(r[3]);
    if (t !== undefined) Object.assign(e, { t, tt: r[4] == null ? e.a : at(r[4]) });
    const f = text(r[5]);
    if (f !== undefined) Object.assign(e, { f, ft: r[6] == null ? e.a : at(r[6]) });
    const s = settings(r[7]);
    if (s) Object.assign(e, { s, st: r[8] == null ? e.a : at(r[8]) });
    const m = text(r[9]);
    if (m) e.m = m;
    doc.e.set(url, e);
  }
  return doc;
}

/** The document read from every item present; items this version cannot read are named, not fatal. */
export function readItems(items: Record<string, unknown>): { doc: SyncDoc; unreadable: string[]; parts: number } {
  const parts: SyncDoc[] = [];
  const unreadable: string[] = [];
  let k = 0;
  for (const [key, value] of Object.entries(items)) {
    if (!isDocKey(key)) continue;
    k = Math.max(k, partsOf(key));
    try {
      parts.push(decodePart(value));
    } catch (err) {
      unreadable.push(`${key}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { doc: combineParts(parts), unreadable, parts: k };
}

/** The items of a document, or why it does not fit the quota. */
export type Layout = { ok: true; items: Record<string, string>; bytes: number; parts: number } | { ok: false; bytes: number; reason: string };

/** Encodes every part with K parts. */
function layoutWith(doc: SyncDoc, parts: number): { items: Record<string, string>; bytes: number; largest: number } {
  const groups: string[][] = Array.from({ length: parts }, () => []);
  for (const url of doc.e.keys()) groups[partOf(url, parts)]!.push(url);
  const items: Record<string, string> = {};
  let bytes = 0;
  let largest = 0;
  groups.forEach((urls, k) => {
    if (urls.length === 0) return;
    const key = `s${parts}.${k}`;
    const value = encodePart(doc, urls);
    const n = itemBytes(key, value);
    items[key] = value;
    bytes += n;
    largest = Math.max(largest, n);
  });
  return { items, bytes, largest };
}

/**
 * Splits a document into items under the quota. The part count in use is kept while every
 * item still fits (unchanged items keep their bytes and are not written). Otherwise the
 * smallest power of two whose items stay under 2 KB, so a change rewrites a small item and
 * the list can grow a while before it is split again; failing that, any that fits.
 */
export function layoutDoc(doc: SyncDoc, preferredParts = 0): Layout {
  const fits = (l: ReturnType<typeof layoutWith>) => l.largest <= ITEM_LIMIT && l.bytes <= TOTAL_LIMIT;
  if (preferredParts > 0) {
    const l = layoutWith(doc, preferredParts);
    if (fits(l)) return { ok: true, items: l.items, bytes: l.bytes, parts: preferredParts };
  }
  let fallback: { l: ReturnType<typeof layoutWith>; k: number } | undefined;
  let last = { bytes: 0 };
  for (let k = 1; k <= 256; k *= 2) {
    const l = layoutWith(doc, k);
    last = l;
    if (fits(l) && l.largest <= TARGET_ITEM) return { ok: true, items: l.items, bytes: l.bytes, parts: k };
    if (fits(l)) fallback ??= { l, k };
    if (l.bytes > TOTAL_LIMIT) break;
  }
  if (fallback) return { ok: true, items: fallback.l.items, bytes: fallback.l.bytes, parts: fallback.k };
  return { ok: false, bytes: last.bytes, reason: `${Math.ceil(last.bytes / 1024)} KB, more than the ${QUOTA.total / 1024} KB the browser's sync allows` };
}

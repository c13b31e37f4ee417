/** A subscription's health report in words: status, schedule, what conditional requests saved. */
import type { StoredFeed } from '../db/types';
import { describeFetchStatus, type StatusDescription } from '../poll/describe-status';
import { formatBytes } from './grade-words';

/** The last fetch's status: a short label and a sentence (with the parser's or server's detail). */
export function feedStatus(f: StoredFeed): StatusDescription {
  if (!f.lastStatus) return { label: 'Not fetched yet', message: 'Waiting for its first fetch.' };
  const d = describeFetchStatus({ kind: f.lastStatus, ...(f.lastHttpStatus !== undefined ? { status: f.lastHttpStatus } : {}) });
  // lastMessage is the sentence the poller stored, with the detail (a parse error's message).
  return { label: d.label, message: f.lastMessage ?? d.message };
}

/** True when the feed needs the user's attention: failing, or gone for good. */
export function isFailing(f: StoredFeed): boolean {
  return f.state === 'gone' || f.errorCount > 0;
}

/** Share of fetches answered 304 Not Modified, in percent (undefined before any fetch). */
export function notModifiedPercent(f: StoredFeed): number | undefined {
  return f.fetchCount > 0 ? Math.round((100 * f.notModifiedCount) / f.fetchCount) : undefined;
}

/**
 * Bytes the 304s saved, estimated: each one would have carried a body like the last full one
 * (or like the average full response when the last size is not known).
 */
export function bytesSaved(f: StoredFeed): number {
  if (f.notModifiedCount === 0) return 0;
  const full = Math.max(1, f.fetchCount - f.notModifiedCount);
  const size = f.lastBodyBytes ?? f.bytesReceived / full;
  return Math.round(f.notModifiedCount * size);
}

/** "12 of 40 (30%) · ~1.2 MB saved", or "—" before any fetch. */
export function notModifiedText(f: StoredFeed): string {
  const pct = notModifiedPercent(f);
  if (pct === undefined) return '—';
  const saved = bytesSaved(f);
  return `${f.notModifiedCount} of ${f.fetchCount} (${pct}%)${saved > 0 ? ` · ~${formatBytes(saved)} saved` : ''}`;
}

/** "every 30 min", "every 3 h", "every 2 days". */
export function everyText(minutes: number): string {
  if (minutes < 60) return `every ${Math.round(minutes)} min`;
  if (minutes < 48 * 60) {
    const h = Math.round((minutes / 60) * 10) / 10;
    return `every ${h} h`;
  }
  return `every ${Math.round(minutes / 1440)} days`;
}

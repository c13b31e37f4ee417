/** A subscription's health report in words: status, schedule, what conditional requests saved. */
import type { StoredFeed } from '../db/types';
import { t, tn } from '../i18n/t';
import { uiLocale } from '../i18n/ui-locale';
import { describeFetchStatus, type StatusDescription } from '../poll/describe-status';
import { formatBytes } from './grade-words';

/** The last fetch's status: a short label and a sentence (with the parser's or server's detail). */
export function feedStatus(f: StoredFeed): StatusDescription {
  if (!f.lastStatus) return { label: t('options_showNew'), message: t('options_waitingFirstFetch') };
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

let percents: Intl.NumberFormat | undefined;

/** "12 of 40 (30%) · ~1.2 MB saved", or "—" before any fetch. */
export function notModifiedText(f: StoredFeed): string {
  const pct = notModifiedPercent(f);
  if (pct === undefined) return '—';
  const saved = bytesSaved(f);
  percents ??= new Intl.NumberFormat(uiLocale(), { style: 'percent' });
  const share = t('options_notModifiedShare', { count: f.notModifiedCount, total: f.fetchCount, percent: percents.format(pct / 100) });
  return saved > 0 ? t('options_notModifiedSaved', { share, saved: formatBytes(saved) }) : share;
}

/** "every 30 min", "every 3 h", "every 2 days". */
export function everyText(minutes: number): string {
  if (minutes < 60) return t('options_everyMinutes', { n: Math.round(minutes) });
  if (minutes < 48 * 60) return t('options_everyHours', { n: Math.round((minutes / 60) * 10) / 10 });
  return tn('options_everyDays', Math.round(minutes / 1440));
}

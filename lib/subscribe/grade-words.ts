/** A feed's grade in words, for the preview card (options page and popup alike). */
import { formatNumber, t, tn, type MessageKey } from '../i18n/t';
import { uiLocale } from '../i18n/ui-locale';
import type { FeedGrade } from './types';

/** One line of the grade: a label, its value, and whether it is good news for the reader. */
export interface GradeLine {
  label: string;
  value: string;
  /** true: good, false: a drawback worth knowing, undefined: neutral. */
  good?: boolean;
}

const CONTENT: Record<FeedGrade['content'], { value: MessageKey; good: boolean }> = {
  full: { value: 'worker_gradeFull', good: true },
  summary: { value: 'worker_gradeSummary', good: false },
  titles: { value: 'worker_gradeTitles', good: false },
};

/** "45 KB", "1.2 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return t('worker_bytes', { n });
  if (n < 1024 * 1024) return t('worker_kilobytes', { n: Math.round(n / 1024) });
  return t('worker_megabytes', { n: formatNumber(Math.round((n / (1024 * 1024)) * 10) / 10) });
}

let days: Intl.RelativeTimeFormat | undefined;
let spans: Intl.RelativeTimeFormat | undefined;

/** "today", "yesterday", "3 days ago", "5 weeks ago", "4 months ago", "2 years ago", in the reader's language. */
export function ageInWords(ms: number, now: number): string {
  days ??= new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'auto' });
  spans ??= new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'always' });
  const d = Math.floor((now - ms) / 86_400_000);
  if (d < 14) return days.format(-Math.max(0, d), 'day');
  if (d < 60) return spans.format(-Math.round(d / 7), 'week');
  if (d < 365) return spans.format(-Math.round(d / 30.44), 'month');
  return spans.format(-Math.round(d / 365.25), 'year');
}

let lists: Intl.ListFormat | undefined;

/** The grade as labelled lines. */
export function gradeLines(g: FeedGrade, now: number): GradeLine[] {
  const content = CONTENT[g.content];
  const lines: GradeLine[] = [
    { label: t('worker_gradeFormat'), value: g.format },
    { label: t('worker_gradeContent'), value: t(content.value), good: content.good },
  ];
  if (g.lastPostAt !== undefined) {
    const stale = now - g.lastPostAt > 365 * 86_400_000;
    lines.push({ label: t('worker_gradeLastPost'), value: ageInWords(g.lastPostAt, now), ...(stale ? { good: false } : {}) });
  } else lines.push({ label: t('worker_gradeLastPost'), value: t('worker_gradeNoDate'), good: false });
  const items = tn('worker_gradeItems', g.itemCount);
  const counts = g.episodes > 0 ? t('worker_gradeItemsEpisodes', { items, episodes: g.episodes }) : items;
  lines.push({ label: t('worker_gradePosting'), value: t('worker_gradeCadence', { cadence: g.cadence, counts }) });
  // Header names, the same in every language.
  const validators = [g.etag ? 'ETag' : '', g.lastModified ? 'Last-Modified' : ''].filter(Boolean);
  lists ??= new Intl.ListFormat(uiLocale(), { type: 'conjunction' });
  lines.push(
    validators.length
      ? { label: t('worker_gradeChecks'), value: t('worker_gradeCheap', { validators: lists.format(validators) }), good: true }
      : { label: t('worker_gradeChecks'), value: t('worker_gradeCostly', { size: formatBytes(g.bytes) }), good: false },
  );
  return lines;
}

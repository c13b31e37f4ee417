/** A feed's grade in words, for the preview card (options page and popup alike). */
import type { FeedGrade } from './types';

/** One line of the grade: a label, its value, and whether it is good news for the reader. */
export interface GradeLine {
  label: string;
  value: string;
  /** true: good, false: a drawback worth knowing, undefined: neutral. */
  good?: boolean;
}

const CONTENT: Record<FeedGrade['content'], { value: string; good: boolean }> = {
  full: { value: 'Full text of each post', good: true },
  summary: { value: 'Summaries only: you read the rest on the site', good: false },
  titles: { value: 'Titles only', good: false },
};

/** "45 KB", "1.2 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** "today", "yesterday", "3 days ago", "5 weeks ago", "4 months ago", "2 years ago". */
export function ageInWords(ms: number, now: number): string {
  const days = Math.floor((now - ms) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.round(days / 7)} weeks ago`;
  if (days < 365) return `${Math.round(days / 30.44)} months ago`;
  const years = Math.round(days / 365.25);
  return `${years} year${years === 1 ? '' : 's'} ago`;
}

/** The grade as labelled lines. */
export function gradeLines(g: FeedGrade, now: number): GradeLine[] {
  const lines: GradeLine[] = [{ label: 'Format', value: g.format }, { label: 'Content', ...CONTENT[g.content] }];
  if (g.lastPostAt !== undefined) {
    const stale = now - g.lastPostAt > 365 * 86_400_000;
    lines.push({ label: 'Last post', value: ageInWords(g.lastPostAt, now), ...(stale ? { good: false } : {}) });
  } else lines.push({ label: 'Last post', value: 'no post is dated', good: false });
  const counts = [`${g.itemCount} post${g.itemCount === 1 ? '' : 's'} in the feed`];
  if (g.episodes > 0) counts.push(`${g.episodes} with audio or video`);
  lines.push({ label: 'Posting', value: `${g.cadence} (${counts.join(', ')})` });
  const validators = [g.etag ? 'ETag' : '', g.lastModified ? 'Last-Modified' : ''].filter(Boolean);
  lines.push(
    validators.length
      ? { label: 'Checks', value: `cheap: the server sends ${validators.join(' and ')}, so an unchanged feed costs almost nothing`, good: true }
      : { label: 'Checks', value: `each check downloads the whole feed (${formatBytes(g.bytes)}): the server sends no ETag or Last-Modified`, good: false },
  );
  return lines;
}

/** Importing an OPML list: every new feed added in one transaction, with a report. */
import { t, tn } from '../i18n/t';
import type { Db } from '../db/open-db';
import { addFeeds } from '../db/feeds';
import type { ImportReport } from '../messaging/protocol';
import { parseOpml } from '../opml/parse-opml';
import type { OpmlFeed } from '../opml/types';
import { staggerFirstPolls } from '../poll/stagger';

/** The import's outcome: a report, or why the list was refused as a whole (nothing added). */
export type ImportResult = { ok: true; report: ImportReport; feeds: OpmlFeed[] } | { ok: false; error: string };

/** What an import needs besides the text. */
export interface ImportOptions {
  now: number;
  random?: () => number;
  /** Hears how far the import got (done of total feeds). */
  onProgress?: (done: number, total: number) => void;
}

/** How long the first polls of `n` imported feeds are spread over: ~2 s per feed, at least a minute. */
export function importSpreadMs(n: number): number {
  return Math.max(60_000, n * 2_000);
}

/**
 * Adds the feeds of an OPML document that are not subscribed yet. A malformed list adds
 * nothing (never half an import); feeds listed twice and feeds already subscribed are skipped
 * with their reason; outlines with unusable URLs are reported as failed. First polls are
 * staggered so 500 feeds do not all fire at once.
 */
export async function importOpml(db: Db, text: string, opts: ImportOptions): Promise<ImportResult> {
  const parsed = parseOpml(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (parsed.feeds.length === 0) {
    const first = parsed.invalid[0];
    return { ok: false, error: first ? tn('opml_noFeedsInvalid', parsed.invalid.length, { reason: first.reason }) : t('opml_noFeeds') };
  }
  const unique: OpmlFeed[] = [];
  const skipped: ImportReport['skipped'] = [];
  const firstSeen = new Map<string, OpmlFeed>();
  for (const feed of parsed.feeds) {
    const earlier = firstSeen.get(feed.url);
    if (earlier) {
      skipped.push({ url: feed.url, reason: earlier.folder ? t('opml_listedTwiceIn', { title: earlier.title, folder: earlier.folder }) : t('opml_listedTwice', { title: earlier.title }) });
      continue;
    }
    firstSeen.set(feed.url, feed);
    unique.push(feed);
  }
  const times = staggerFirstPolls(unique.length, opts.now, importSpreadMs(unique.length), opts.random ?? Math.random);
  const { added, skipped: existing } = await addFeeds(
    db,
    unique.map((f, i) => ({
      url: f.url,
      title: f.title,
      ...(f.siteUrl ? { siteUrl: f.siteUrl } : {}),
      ...(f.folder ? { folder: f.folder } : {}),
      firstCheckAt: times[i] ?? opts.now,
    })),
    opts.now,
    opts.onProgress,
  );
  for (const s of existing) skipped.push({ url: s.url, reason: t('options_alreadySubscribed') });
  const folders = new Map<string, number>();
  for (const f of added) folders.set(f.folder, (folders.get(f.folder) ?? 0) + 1);
  return {
    ok: true,
    feeds: parsed.feeds,
    report: {
      added: added.length,
      skipped,
      failed: parsed.invalid.map((f) => ({ text: f.text, reason: f.reason })),
      ...(parsed.title ? { title: parsed.title } : {}),
      importedAt: opts.now,
      folders: [...folders].map(([name, count]) => ({ name, count })),
      firstPollsOverMs: importSpreadMs(unique.length),
    },
  };
}

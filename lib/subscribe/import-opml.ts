/** Importing an OPML file: every new feed added in one transaction, with a report. */
import type { Db } from '../db/open-db';
import { addFeeds } from '../db/feeds';
import type { ImportReport } from '../messaging/protocol';
import { parseOpml } from '../opml/parse-opml';
import { staggerFirstPolls } from '../poll/stagger';

/** The import's outcome: a report, or why the file was refused as a whole. */
export type ImportResult = { ok: true; report: ImportReport } | { ok: false; error: string };

/**
 * Adds the feeds of an OPML document that are not subscribed yet. A malformed file adds
 * nothing (never half an import); first polls are staggered so 500 feeds do not fire at once.
 */
export async function importOpml(db: Db, text: string, now: number, random: () => number = Math.random): Promise<ImportResult> {
  const parsed = parseOpml(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const times = staggerFirstPolls(parsed.feeds.length, now, Math.max(60_000, parsed.feeds.length * 2_000), random);
  const { added, skipped } = await addFeeds(
    db,
    parsed.feeds.map((f, i) => ({
      url: f.url,
      title: f.title,
      ...(f.siteUrl ? { siteUrl: f.siteUrl } : {}),
      ...(f.folder ? { folder: f.folder } : {}),
      firstCheckAt: times[i] ?? now,
    })),
    now,
  );
  return {
    ok: true,
    report: {
      added: added.length,
      skipped: skipped.map((s) => ({ url: s.url, reason: 'already subscribed' })),
      failed: parsed.invalid.map((f) => ({ text: f.text, reason: f.reason })),
    },
  };
}

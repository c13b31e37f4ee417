/** The report at the end of an OPML import: added (per folder), skipped and failed, with reasons. */
import type { Db } from '../../lib/db/open-db';
import type { ImportReport } from '../../lib/messaging/protocol';
import { send } from '../../lib/messaging/protocol';
import { t, tn } from '../../lib/i18n/t';
import { useLiveQuery } from '../use-live-query';

/** Props of ImportReportView. */
export interface ImportReportProps {
  report: ImportReport;
  /** Where the list came from (a file name or a URL). */
  source: string;
}

const SHOWN = 100;

function spreadText(ms: number): string {
  return tn('opml_spreadOver', Math.max(1, Math.round(ms / 60_000)));
}

/** How many of the feeds this import added have had their first fetch (read from the store). */
function useFirstFetches(importedAt: number | undefined) {
  return useLiveQuery(
    async (db: Db) => {
      if (importedAt === undefined) return undefined;
      const feeds = (await db.getAll('feeds')).filter((f) => f.addedAt === importedAt);
      return { total: feeds.length, fetched: feeds.filter((f) => f.fetchCount > 0).length };
    },
    [importedAt],
  ).value;
}

/** The import report. */
export function ImportReportView({ report, source }: ImportReportProps) {
  const progress = useFirstFetches(report.importedAt);
  const folders = (report.folders ?? []).filter((f) => f.count > 0);
  return (
    <div class="report" data-testid="import-report">
      <p role="status">
        {t('opml_reportSummary', { source, added: report.added, skipped: report.skipped.length, failed: report.failed.length })}
      </p>
      {folders.length > 0 && (
        <p class="muted">
          {folders.map((f, i) => (
            <span key={f.name}>
              {i > 0 && t('opml_listSeparator')}
              {t('opml_folderCount', { folder: f.name || t('opml_noFolder'), count: f.count })}
            </span>
          ))}
        </p>
      )}
      {report.skipped.length > 0 && (
        <details>
          <summary>{t('opml_skipped', { count: report.skipped.length })}</summary>
          <ul>
            {report.skipped.slice(0, SHOWN).map((s, i) => (
              <li key={`${i}:${s.url}`}>
                {t('opml_itemReason', { item: s.url, reason: s.reason })}
              </li>
            ))}
            {report.skipped.length > SHOWN && <li>{t('opml_andMore', { count: report.skipped.length - SHOWN })}</li>}
          </ul>
        </details>
      )}
      {report.failed.length > 0 && (
        <details open>
          <summary>{t('opml_failed', { count: report.failed.length })}</summary>
          <ul>
            {report.failed.slice(0, SHOWN).map((f, i) => (
              <li key={`${i}:${f.text}`}>
                {t('opml_itemReason', { item: f.text, reason: f.reason })}
              </li>
            ))}
            {report.failed.length > SHOWN && <li>{t('opml_andMore', { count: report.failed.length - SHOWN })}</li>}
          </ul>
        </details>
      )}
      {progress && progress.total > 0 && (
        <p class="first-fetches">
          <label>
            {t('opml_firstFetches', { done: progress.fetched, total: progress.total })}{' '}
            <progress max={progress.total} value={progress.fetched} />
          </label>
          {progress.fetched < progress.total && (
            <>
              {' '}
              <span class="muted">
                {spreadText(report.firstPollsOverMs ?? 60_000)}
              </span>{' '}
              <button type="button" onClick={() => void send({ type: 'refresh-all' })}>
                {t('opml_fetchAllNow')}
              </button>
            </>
          )}
        </p>
      )}
    </div>
  );
}

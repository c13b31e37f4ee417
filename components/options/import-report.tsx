/** The report at the end of an OPML import: added (per folder), skipped and failed, with reasons. */
import type { Db } from '../../lib/db/open-db';
import type { ImportReport } from '../../lib/messaging/protocol';
import { send } from '../../lib/messaging/protocol';
import { useLiveQuery } from '../use-live-query';

/** Props of ImportReportView. */
export interface ImportReportProps {
  report: ImportReport;
  /** Where the list came from (a file name or a URL). */
  source: string;
}

const SHOWN = 100;

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m <= 1 ? 'a minute' : `${m} minutes`;
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
        {source}: <strong>{report.added}</strong> added, <strong>{report.skipped.length}</strong> skipped, <strong>{report.failed.length}</strong> failed.
      </p>
      {folders.length > 0 && (
        <p class="muted">
          {folders.map((f, i) => (
            <span key={f.name}>
              {i > 0 && ', '}
              {f.name || 'no folder'} {f.count}
            </span>
          ))}
        </p>
      )}
      {report.skipped.length > 0 && (
        <details>
          <summary>Skipped ({report.skipped.length})</summary>
          <ul>
            {report.skipped.slice(0, SHOWN).map((s, i) => (
              <li key={`${i}:${s.url}`}>
                {s.url}: {s.reason}
              </li>
            ))}
            {report.skipped.length > SHOWN && <li>… and {report.skipped.length - SHOWN} more</li>}
          </ul>
        </details>
      )}
      {report.failed.length > 0 && (
        <details open>
          <summary>Failed ({report.failed.length})</summary>
          <ul>
            {report.failed.slice(0, SHOWN).map((f, i) => (
              <li key={`${i}:${f.text}`}>
                {f.text}: {f.reason}
              </li>
            ))}
            {report.failed.length > SHOWN && <li>… and {report.failed.length - SHOWN} more</li>}
          </ul>
        </details>
      )}
      {progress && progress.total > 0 && (
        <p class="first-fetches">
          <label>
            First fetches: {progress.fetched} of {progress.total}{' '}
            <progress max={progress.total} value={progress.fetched} />
          </label>
          {progress.fetched < progress.total && (
            <>
              {' '}
              <span class="muted">
                spread over {minutes(report.firstPollsOverMs ?? 60_000)} so no site is asked too much at once.
              </span>{' '}
              <button type="button" onClick={() => void send({ type: 'refresh-all' })}>
                Fetch all now
              </button>
            </>
          )}
        </p>
      )}
    </div>
  );
}

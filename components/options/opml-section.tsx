/** OPML import (with a report) and export. */
import { useState } from 'preact/hooks';
import { listFeeds } from '../../lib/db/feeds';
import { openOrreryDb } from '../../lib/db/open-db';
import { send, type ImportReport } from '../../lib/messaging/protocol';
import { serializeOpml } from '../../lib/opml/serialize-opml';

/** Import and export controls. */
export function OpmlSection() {
  const [report, setReport] = useState<ImportReport | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const onFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    try {
      const r = await send({ type: 'import-opml', text: await file.text() });
      if (r.ok) setReport(r.report);
      else setError(`${file.name}: ${r.error}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
      input.value = '';
    }
  };
  const exportOpml = async () => {
    const feeds = await listFeeds(await openOrreryDb());
    const xml = serializeOpml(
      feeds.map((f) => ({ url: f.url, title: f.title, ...(f.siteUrl ? { siteUrl: f.siteUrl } : {}), ...(f.folder ? { folder: f.folder } : {}) })),
      { title: 'Orrery subscriptions', dateCreated: new Date() },
    );
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([xml], { type: 'text/x-opml' }));
    a.download = 'orrery-subscriptions.opml';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  return (
    <section aria-labelledby="opml-h">
      <h2 id="opml-h">OPML</h2>
      <p>
        <label>
          Import subscriptions from an OPML file:{' '}
          <input type="file" accept=".opml,.xml,text/xml,application/xml,text/x-opml" data-testid="opml-file" onChange={(e) => void onFile(e)} disabled={busy} />
        </label>{' '}
        <button type="button" data-testid="opml-export" onClick={() => void exportOpml()}>
          Export as OPML
        </button>
      </p>
      {busy && <p role="status">Importing…</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div class="report" data-testid="import-report" role="status">
          <p>
            <strong>{report.added}</strong> added, <strong>{report.skipped.length}</strong> skipped (already subscribed),{' '}
            <strong>{report.failed.length}</strong> failed.
          </p>
          {report.failed.length > 0 && (
            <ul>
              {report.failed.slice(0, 50).map((f) => (
                <li key={f.text}>
                  {f.text}: {f.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

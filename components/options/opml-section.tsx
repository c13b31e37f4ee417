/** OPML: import a file or a URL (with progress and a report), export, and the Planets followed. */
import { useEffect, useState } from 'preact/hooks';
import { listFeeds } from '../../lib/db/feeds';
import { t, tn } from '../../lib/i18n/t';
import { openOrreryDb } from '../../lib/db/open-db';
import { send, type ImportReport } from '../../lib/messaging/protocol';
import { serializeOpml } from '../../lib/opml/serialize-opml';
import { onImportProgress } from '../../lib/subscribe/import-progress';
import { ImportReportView } from './import-report';
import { PlanetList } from './planet-list';

type Outcome = { report: ImportReport; source: string } | { error: string } | undefined;

/** Import and export controls. */
export function OpmlSection() {
  const [outcome, setOutcome] = useState<Outcome>(undefined);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>(undefined);
  const [busy, setBusy] = useState<'file' | 'url' | undefined>(undefined);
  const [planetUrl, setPlanetUrl] = useState('');
  const [keepInSync, setKeepInSync] = useState(true);
  const [planetsVersion, setPlanetsVersion] = useState(0);
  const [exportNote, setExportNote] = useState<string | undefined>(undefined);

  /** Runs one import with its progress bar; nothing of a refused list is added. */
  const run = async (kind: 'file' | 'url', source: string, ask: (importId: string) => Promise<{ ok: true; report: ImportReport } | { ok: false; error: string }>) => {
    const importId = crypto.randomUUID();
    setBusy(kind);
    setOutcome(undefined);
    setProgress(undefined);
    const off = onImportProgress(importId, (p) => setProgress({ done: p.done, total: p.total }));
    try {
      const r = await ask(importId);
      setOutcome(r.ok ? { report: r.report, source } : { error: t('opml_itemReason', { item: source, reason: r.error }) });
    } catch (err) {
      setOutcome({ error: t('opml_interrupted', { source, error: err instanceof Error ? err.message : String(err) }) });
    } finally {
      off();
      setBusy(undefined);
      setProgress(undefined);
    }
  };

  const onFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    await run('file', file.name, (importId) => send({ type: 'import-opml', text, importId }));
    input.value = '';
  };

  const onUrl = async (e: Event) => {
    e.preventDefault();
    const url = planetUrl.trim();
    if (!url) {
      setOutcome({ error: t('opml_typeAddress') });
      return;
    }
    await run('url', url, (importId) => send({ type: 'import-opml-url', url, keepInSync, importId }));
    setPlanetsVersion((v) => v + 1);
  };

  const exportOpml = async () => {
    const feeds = await listFeeds(await openOrreryDb());
    const xml = serializeOpml(
      feeds.map((f) => ({ url: f.url, title: f.title, ...(f.siteUrl ? { siteUrl: f.siteUrl } : {}), ...(f.folder ? { folder: f.folder } : {}) })),
      { title: t('opml_exportTitle'), dateCreated: new Date() },
    );
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([xml], { type: 'text/x-opml' }));
    a.download = `orrery-subscriptions-${new Date().toISOString().slice(0, 10)}.opml`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    setExportNote(tn('opml_exported', feeds.length));
  };
  useEffect(() => setExportNote(undefined), [outcome]);

  return (
    <section aria-labelledby="opml-h" id="opml">
      <h2 id="opml-h">{t('opml_heading')}</h2>
      <div class="opml-controls">
        <p>
          <label class="field">
            <span>{t('opml_importFile')}</span>
            <input type="file" accept=".opml,.xml,text/xml,application/xml,text/x-opml" data-testid="opml-file" onChange={(e) => void onFile(e)} disabled={busy !== undefined} />
          </label>
        </p>
        <form class="opml-url" onSubmit={(e) => void onUrl(e)}>
          <label class="field grow">
            <span>{t('opml_importUrl')}</span>
            <input type="text" inputMode="url" placeholder={t('opml_urlPlaceholder')} value={planetUrl} onInput={(e) => setPlanetUrl((e.target as HTMLInputElement).value)} data-testid="opml-url" />
          </label>
          <label class="check">
            <input type="checkbox" checked={keepInSync} onChange={(e) => setKeepInSync((e.target as HTMLInputElement).checked)} /> {t('opml_keepInStep')}
          </label>
          <button type="submit" disabled={busy !== undefined} data-testid="opml-url-submit">
            {t('opml_importFromUrl')}
          </button>
        </form>
        <p>
          <button type="button" data-testid="opml-export" onClick={() => void exportOpml()}>
            {t('opml_export')}
          </button>{' '}
          {exportNote && <span class="muted" role="status">{exportNote}</span>}
        </p>
      </div>
      <div aria-live="polite">
        {busy && (
          <p>
            <label>
              {progress ? t('opml_importing', { done: progress.done, total: progress.total }) : busy === 'url' ? t('opml_fetchingList') : t('opml_readingFile')}{' '}
              <progress data-testid="import-progress" {...(progress ? { max: progress.total || 1, value: progress.done } : {})} />
            </label>
          </p>
        )}
      </div>
      {outcome && 'error' in outcome && (
        <p class="error" role="alert" data-testid="import-error">
          {outcome.error}
        </p>
      )}
      {outcome && 'report' in outcome && <ImportReportView report={outcome.report} source={outcome.source} />}
      <PlanetList version={planetsVersion} />
    </section>
  );
}

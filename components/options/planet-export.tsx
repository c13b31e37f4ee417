/** "Publish your Planet": downloads the river (everything or one folder) as a static Planet in one .zip. */
import { useState } from 'preact/hooks';
import { openOrreryDb } from '../../lib/db/open-db';
import { exportPlanet } from '../../lib/export/export-planet';
import { formatNumber, t, tn } from '../../lib/i18n/t';
import { uiLocale } from '../../lib/i18n/ui-locale';
import { parseWebUrl } from '../../lib/util/web-url';

let sizes: Intl.NumberFormat | undefined;
/** "1.2 MB" in the reader's language. */
function megabytes(bytes: number): string {
  sizes ??= new Intl.NumberFormat(uiLocale(), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1, minimumFractionDigits: 1 });
  return sizes.format(bytes / 1e6);
}

/** The export form of the options page. */
export function PlanetExport({ folders }: { folders: string[] }) {
  const [folder, setFolder] = useState('');
  const [title, setTitle] = useState(() => t('options_planetDefaultName'));
  const [address, setAddress] = useState('');
  const [limit, setLimit] = useState('0');
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const addressBad = address.trim() !== '' && parseWebUrl(address) === undefined;

  const run = async (e: Event) => {
    e.preventDefault();
    if (addressBad) return;
    setResult(undefined);
    setBusy(t('options_planetStarting'));
    const started = performance.now();
    try {
      const out = await exportPlanet(await openOrreryDb(), {
        title: title.trim() || t('options_planetDefaultName'),
        ...(folder ? { folder } : {}),
        ...(address.trim() ? { address: address.trim() } : {}),
        ...(Number(limit) > 0 ? { limit: Number(limit) } : {}),
        onProgress: setBusy,
      });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([out.zip as BlobPart], { type: 'application/zip' }));
      a.download = `planet-${(folder || 'all').replace(/[^\w-]+/g, '-').toLowerCase()}-${new Date().toISOString().slice(0, 10)}.zip`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
      performance.measure('orrery:planet-export', { start: started });
      setResult({ ok: true, text: t('options_planetExported', { posts: tn('options_planetPosts', out.posts), feeds: tn('options_planetFeeds', out.feeds), size: megabytes(out.zip.length) }) });
    } catch (err) {
      setResult({ ok: false, text: t('options_planetFailed', { error: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <form class="planet-export" onSubmit={(e) => void run(e)}>
      <p class="muted">
        {t('options_planetIntro')}
      </p>
      <label class="field">
        <span>{t('options_planetPostsOf')}</span>
        <select value={folder} onChange={(e) => setFolder((e.target as HTMLSelectElement).value)} data-testid="planet-export-folder">
          <option value="">{t('options_everything')}</option>
          {folders.map((f) => (
            <option key={f} value={f}>
              {t('options_folderChoice', { folder: f })}
            </option>
          ))}
        </select>
      </label>{' '}
      <label class="field">
        <span>{t('options_planetName')}</span>
        <input type="text" value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
      </label>{' '}
      <label class="field">
        <span>{t('options_planetNewest')}</span>
        <select value={limit} onChange={(e) => setLimit((e.target as HTMLSelectElement).value)}>
          <option value="0">{t('options_showAll')}</option>
          {[200, 1000, 10000].map((n) => (
            <option key={n} value={String(n)}>
              {formatNumber(n)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label class="field grow">
        <span>{t('options_planetAddress')}</span>
        <input
          type="text"
          inputMode="url"
          placeholder={t('options_planetAddressPlaceholder')}
          value={address}
          aria-invalid={addressBad ? 'true' : 'false'}
          aria-describedby={addressBad ? 'planet-address-error' : undefined}
          onInput={(e) => setAddress((e.target as HTMLInputElement).value)}
        />
      </label>
      {addressBad && (
        <p class="error" id="planet-address-error" role="alert">
          {t('options_planetAddressBad')}
        </p>
      )}
      <p>
        <button type="submit" data-testid="planet-export" disabled={busy !== undefined || addressBad}>
          {t('options_planetDownload')}
        </button>{' '}
        <span class={result && !result.ok ? 'error' : 'muted'} role="status" data-testid="planet-export-status">
          {busy ?? result?.text ?? ''}
        </span>
      </p>
    </form>
  );
}

/** "Publish your Planet": downloads the river (everything or one folder) as a static Planet in one .zip. */
import { useState } from 'preact/hooks';
import { openOrreryDb } from '../../lib/db/open-db';
import { exportPlanet } from '../../lib/export/export-planet';
import { parseWebUrl } from '../../lib/util/web-url';

/** The export form of the options page. */
export function PlanetExport({ folders }: { folders: string[] }) {
  const [folder, setFolder] = useState('');
  const [title, setTitle] = useState('My Planet');
  const [address, setAddress] = useState('');
  const [limit, setLimit] = useState('0');
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const addressBad = address.trim() !== '' && parseWebUrl(address) === undefined;

  const run = async (e: Event) => {
    e.preventDefault();
    if (addressBad) return;
    setResult(undefined);
    setBusy('Starting…');
    const started = performance.now();
    try {
      const out = await exportPlanet(await openOrreryDb(), {
        title: title.trim() || 'My Planet',
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
      setResult({ ok: true, text: `Exported ${out.posts} post${out.posts === 1 ? '' : 's'} of ${out.feeds} feed${out.feeds === 1 ? '' : 's'} (${(out.zip.length / 1e6).toFixed(1)} MB).` });
    } catch (err) {
      setResult({ ok: false, text: `The export failed: ${err instanceof Error ? err.message : String(err)}. Nothing was downloaded.` });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <form class="planet-export" onSubmit={(e) => void run(e)}>
      <p class="muted">
        A static Planet in one .zip: index.html (day headings, each feed’s posts under its name), titles.html, rss20.xml and atom.xml of the merged
        river, and opml.xml of the subscriptions. Content is sanitized; the pages carry no script. Muted posts and folded duplicates are left out.
      </p>
      <label class="field">
        <span>Posts of</span>
        <select value={folder} onChange={(e) => setFolder((e.target as HTMLSelectElement).value)} data-testid="planet-export-folder">
          <option value="">Everything</option>
          {folders.map((f) => (
            <option key={f} value={f}>
              Folder: {f}
            </option>
          ))}
        </select>
      </label>{' '}
      <label class="field">
        <span>Name of the Planet</span>
        <input type="text" value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
      </label>{' '}
      <label class="field">
        <span>Newest posts</span>
        <select value={limit} onChange={(e) => setLimit((e.target as HTMLSelectElement).value)}>
          <option value="0">All</option>
          <option value="200">200</option>
          <option value="1000">1,000</option>
          <option value="10000">10,000</option>
        </select>
      </label>{' '}
      <label class="field grow">
        <span>Address you will publish it at (optional: the feeds’ own links)</span>
        <input
          type="text"
          inputMode="url"
          placeholder="https://planet.example.org/"
          value={address}
          aria-invalid={addressBad ? 'true' : 'false'}
          aria-describedby={addressBad ? 'planet-address-error' : undefined}
          onInput={(e) => setAddress((e.target as HTMLInputElement).value)}
        />
      </label>
      {addressBad && (
        <p class="error" id="planet-address-error" role="alert">
          The address must start with http:// or https://.
        </p>
      )}
      <p>
        <button type="submit" data-testid="planet-export" disabled={busy !== undefined || addressBad}>
          Download the Planet (.zip)
        </button>{' '}
        <span class={result && !result.ok ? 'error' : 'muted'} role="status" data-testid="planet-export-status">
          {busy ?? result?.text ?? ''}
        </span>
      </p>
    </form>
  );
}

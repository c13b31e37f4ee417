/** The Sync section: connect to a Google Reader API service, its state, "Sync now", disconnect. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/protocol';
import { describeSyncError } from '../../lib/sync/describe-sync-error';
import { loadStatus, STATUS_KEY, type SyncStatus } from '../../lib/sync/sync-store';

/** The status, kept current as the worker writes it. */
function useSyncStatus(): SyncStatus | undefined {
  const [status, setStatus] = useState<SyncStatus | undefined>(undefined);
  useEffect(() => {
    void loadStatus(browser.storage.local).then(setStatus);
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[STATUS_KEY]) setStatus((changes[STATUS_KEY].newValue as SyncStatus | undefined) ?? { connected: false });
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  return status;
}

function when(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The status in words. */
export function syncStatusText(s: SyncStatus): string {
  const parts: string[] = [];
  if (s.connected) parts.push(`Connected to ${s.server ?? 'the service'}${s.user ? ` as ${s.user}` : ''}.`);
  else parts.push('Not connected.');
  if (s.running) parts.push(s.phase ? `Syncing: ${s.phase}${s.total && s.total > 1 ? ` (${s.done ?? 0} of ${s.total})` : ''}…` : 'Syncing…');
  if (s.error) parts.push(describeSyncError(s.error, s.server ?? 'The service'));
  if (s.connected) parts.push(s.lastSyncAt ? `Last sync: ${when(s.lastSyncAt)}.` : 'Not synced yet.');
  if (s.connected && s.queued) parts.push(`${s.queued} local change${s.queued === 1 ? '' : 's'} waiting to be sent.`);
  return parts.join(' ');
}

/** The section. */
export function SyncSection() {
  const status = useSyncStatus();
  const [server, setServer] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [appId, setAppId] = useState('');
  const [appKey, setAppKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | undefined>(undefined);

  const connect = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setMessage(undefined);
    try {
      const r = await send({ type: 'sync-connect', account: { server, username, password, ...(appId && appKey ? { appId, appKey } : {}) } });
      if (r.ok) setPassword('');
      setMessage(r.ok ? undefined : r.error);
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const syncNow = async () => {
    setMessage(undefined);
    await send({ type: 'sync-now' }).catch((err: unknown) => setMessage(err instanceof Error ? err.message : String(err)));
  };
  const disconnect = async () => {
    await send({ type: 'sync-disconnect' });
    setMessage('Disconnected. Every post and subscription stays here; Orrery checks the feeds itself again.');
  };

  const connected = status?.connected === true;
  return (
    <section aria-labelledby="sync-h" id="sync">
      <h2 id="sync-h">Sync</h2>
      <p class="muted">
        Keep subscriptions, folders, read and starred posts in step with a feed service that speaks the Google Reader API (FreshRSS, Miniflux,
        Inoreader, The Old Reader, BazQux). The service fetches the feeds for all your devices; Orrery then does not poll them itself. The password
        stays in this browser only.
      </p>
      <p role="status" aria-live="polite" data-testid="sync-status" class="sync-status">
        {status ? syncStatusText(status) : 'Loading…'}
        {message ? ` ${message}` : ''}
      </p>
      {connected ? (
        <div class="sync-actions">
          <button type="button" onClick={() => void syncNow()} disabled={status?.running} data-testid="sync-now">
            Sync now
          </button>{' '}
          <button type="button" onClick={() => void disconnect()} data-testid="sync-disconnect">
            Disconnect
          </button>
        </div>
      ) : (
        <form class="sync-form subscribe-row" onSubmit={(e) => void connect(e)}>
          <label class="field grow">
            <span>Service address (the API address, e.g. https://rss.example.net/api/greader.php)</span>
            <input type="url" required value={server} onInput={(e) => setServer((e.target as HTMLInputElement).value)} data-testid="sync-server" autocomplete="url" />
          </label>
          <label class="field">
            <span>Username</span>
            <input type="text" required value={username} onInput={(e) => setUsername((e.target as HTMLInputElement).value)} data-testid="sync-username" autocomplete="username" />
          </label>
          <label class="field">
            <span>API password</span>
            <input type="password" required value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} data-testid="sync-password" autocomplete="current-password" />
          </label>
          <details class="sync-app">
            <summary>Inoreader app ID and key</summary>
            <label class="field">
              <span>App ID</span>
              <input type="text" value={appId} onInput={(e) => setAppId((e.target as HTMLInputElement).value)} />
            </label>
            <label class="field">
              <span>App key</span>
              <input type="password" value={appKey} onInput={(e) => setAppKey((e.target as HTMLInputElement).value)} />
            </label>
          </details>
          <button type="submit" disabled={busy} data-testid="sync-connect">
            {busy ? 'Connecting…' : 'Connect'}
          </button>
        </form>
      )}
    </section>
  );
}

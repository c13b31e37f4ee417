/** The Sync section: connect to a Google Reader API service, its state, "Sync now", disconnect. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/protocol';
import { t, tn, type MessageKey } from '../../lib/i18n/t';
import { describeSyncError } from '../../lib/sync/describe-sync-error';
import type { SyncPhase } from '../../lib/sync/run-sync';
import { loadStatus, STATUS_KEY, type SyncStatus } from '../../lib/sync/sync-store';
import { dateTimeText } from './relative-time';

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

// The pass's steps in the reader's words.
const PHASES: Record<SyncPhase, MessageKey> = {
  'sending changes': 'sync_phaseSending',
  subscriptions: 'sync_phaseSubscriptions',
  posts: 'sync_phasePosts',
  'read and starred': 'sync_phaseReadStarred',
};

/** The status in words. */
export function syncStatusText(s: SyncStatus): string {
  const parts: string[] = [];
  const server = s.server ?? t('sync_theService');
  if (s.connected) parts.push(s.user ? t('sync_connectedAs', { server, user: s.user }) : t('sync_connected', { server }));
  else parts.push(t('sync_notConnected'));
  if (s.running) {
    const phase = s.phase ? t(PHASES[s.phase]) : undefined;
    if (!phase) parts.push(t('sync_syncing'));
    else parts.push(s.total && s.total > 1 ? t('sync_syncingPhaseCount', { phase, done: s.done ?? 0, total: s.total }) : t('sync_syncingPhase', { phase }));
  }
  if (s.error) parts.push(describeSyncError(s.error, s.server ?? t('sync_theServiceStart')));
  if (s.connected) parts.push(s.lastSyncAt ? t('sync_lastSync', { when: dateTimeText(s.lastSyncAt) }) : t('sync_notSyncedYet'));
  if (s.connected && s.queued) parts.push(tn('sync_queued', s.queued));
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
    setMessage(t('sync_disconnected'));
  };

  const connected = status?.connected === true;
  return (
    <section aria-labelledby="sync-h" id="sync">
      <h2 id="sync-h">{t('options_navSync')}</h2>
      <p class="muted">
        {t('sync_intro')}
      </p>
      <p role="status" aria-live="polite" data-testid="sync-status" class="sync-status">
        {status ? syncStatusText(status) : t('options_loading')}
        {message ? ` ${message}` : ''}
      </p>
      {connected ? (
        <div class="sync-actions">
          <button type="button" onClick={() => void syncNow()} disabled={status?.running} data-testid="sync-now">
            {t('sync_now')}
          </button>{' '}
          <button type="button" onClick={() => void disconnect()} data-testid="sync-disconnect">
            {t('sync_disconnect')}
          </button>
        </div>
      ) : (
        <form class="sync-form subscribe-row" onSubmit={(e) => void connect(e)}>
          <label class="field grow">
            <span>{t('sync_server')}</span>
            <input type="url" required value={server} onInput={(e) => setServer((e.target as HTMLInputElement).value)} data-testid="sync-server" autocomplete="url" />
          </label>
          <label class="field">
            <span>{t('sync_username')}</span>
            <input type="text" required value={username} onInput={(e) => setUsername((e.target as HTMLInputElement).value)} data-testid="sync-username" autocomplete="username" />
          </label>
          <label class="field">
            <span>{t('sync_password')}</span>
            <input type="password" required value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} data-testid="sync-password" autocomplete="current-password" />
          </label>
          <details class="sync-app">
            <summary>{t('sync_appCredentials')}</summary>
            <label class="field">
              <span>{t('sync_appId')}</span>
              <input type="text" value={appId} onInput={(e) => setAppId((e.target as HTMLInputElement).value)} />
            </label>
            <label class="field">
              <span>{t('sync_appKey')}</span>
              <input type="password" value={appKey} onInput={(e) => setAppKey((e.target as HTMLInputElement).value)} />
            </label>
          </details>
          <button type="submit" disabled={busy} data-testid="sync-connect">
            {busy ? t('sync_connecting') : t('sync_connect')}
          </button>
        </form>
      )}
    </section>
  );
}

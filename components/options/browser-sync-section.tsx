/** The browser's own sync of the subscription list (storage.sync): a switch and its state in words. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/protocol';
import { BROWSER_SYNC_ENABLED_KEY, BROWSER_SYNC_STATUS_KEY, loadBrowserSyncStatus, type BrowserSyncStatus } from '../../lib/sync/browser-sync-store';
import { QUOTA } from '../../lib/sync/browser-sync-codec';

/** The status, kept current as the worker writes it. */
function useBrowserSyncStatus(): BrowserSyncStatus | undefined {
  const [status, setStatus] = useState<BrowserSyncStatus | undefined>(undefined);
  useEffect(() => {
    const load = () => void loadBrowserSyncStatus(browser.storage.local).then(setStatus);
    load();
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (changes[BROWSER_SYNC_STATUS_KEY] || changes[BROWSER_SYNC_ENABLED_KEY])) load();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  return status;
}

function when(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function clock(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** The failure in words: what the browser refused, and what happens next. */
export function browserSyncErrorText(e: NonNullable<BrowserSyncStatus['error']>): string {
  const next = e.retryAt ? ` Orrery tries again at ${clock(e.retryAt)}.` : ' Orrery tries again after your next change to the list.';
  switch (e.kind) {
    case 'quota':
      return `Not saved to the browser's sync: its storage is full (${e.message}). Your other browsers keep the last list saved.${next}`;
    case 'rate':
      return `Not saved yet: the browser limits how often extensions write to its sync (${e.message}).${next}`;
    case 'too-large':
      return `Not saved to the browser's sync: ${e.message}`;
    case 'unreadable':
      return `Not synced: the browser's sync holds ${e.message}. Update Orrery on this browser.`;
    case 'storage':
      return `The browser's sync failed: ${e.message}.${next}`;
  }
}

/** The status in words. */
export function browserSyncStatusText(s: BrowserSyncStatus): string {
  if (!s.enabled) return "Off: this browser's subscriptions are not synced through its account.";
  const parts: string[] = [];
  if (s.error) parts.push(browserSyncErrorText(s.error));
  if (s.lastWriteAt) parts.push(`Last saved to the browser's sync: ${when(s.lastWriteAt)}.`);
  else if (!s.error) parts.push(s.lastMergeAt ? "Up to date with the browser's sync." : "Not synced yet.");
  if (s.feeds !== undefined && s.bytes !== undefined) {
    parts.push(`${s.feeds} feed${s.feeds === 1 ? '' : 's'}, ${(s.bytes / 1024).toFixed(1)} KB of the ${QUOTA.total / 1024} KB it allows.`);
  }
  if (s.applied) {
    const a = s.applied;
    const done = [a.added && `${a.added} added`, a.removed && `${a.removed} removed`, a.moved && `${a.moved} moved`, a.updated && `${a.updated} changed`].filter(Boolean);
    if (done.length) parts.push(`From your other browsers: ${done.join(', ')}.`);
  }
  return parts.join(' ');
}

/** The section. */
export function BrowserSyncSection() {
  const status = useBrowserSyncStatus();
  const [message, setMessage] = useState<string | undefined>(undefined);
  const toggle = async (on: boolean) => {
    setMessage(undefined);
    await send({ type: 'browser-sync-set', on }).catch((err: unknown) => setMessage(err instanceof Error ? err.message : String(err)));
  };
  return (
    <section aria-labelledby="browser-sync-h" id="browser-sync">
      <h2 id="browser-sync-h">Sync through this browser's account</h2>
      <p class="muted">
        Your subscriptions, folders and per-feed settings (check interval, notifications, full articles) go to your other browsers signed in to the same
        account (Chrome Sync, Firefox Sync). Posts and read state stay here. While a service is connected above, the feeds it carries sync through it,
        and this carries only the others.
      </p>
      <label class="switch-row">
        <input
          type="checkbox"
          role="switch"
          checked={status?.enabled ?? true}
          disabled={!status}
          onChange={(e) => void toggle((e.target as HTMLInputElement).checked)}
          data-testid="browser-sync-switch"
        />{' '}
        Sync subscriptions with this browser's account
      </label>
      <p role="status" aria-live="polite" data-testid="browser-sync-status" class="sync-status">
        {status ? browserSyncStatusText(status) : 'Loading…'}
        {message ? ` ${message}` : ''}
      </p>
    </section>
  );
}

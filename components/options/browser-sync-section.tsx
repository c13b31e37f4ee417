/** The browser's own sync of the subscription list (storage.sync): a switch and its state in words. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/protocol';
import { BROWSER_SYNC_ENABLED_KEY, BROWSER_SYNC_STATUS_KEY, loadBrowserSyncStatus, type BrowserSyncStatus } from '../../lib/sync/browser-sync-store';
import { QUOTA } from '../../lib/sync/browser-sync-codec';
import { t, tn } from '../../lib/i18n/t';
import { uiLocale } from '../../lib/i18n/ui-locale';

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
  return new Date(at).toLocaleString(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' });
}

function clock(at: number): string {
  return new Date(at).toLocaleTimeString(uiLocale(), { hour: '2-digit', minute: '2-digit' });
}

function kilobytes(bytes: number): string {
  return new Intl.NumberFormat(uiLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / 1024);
}

/** The failure in words: what the browser refused, and what happens next. */
export function browserSyncErrorText(e: NonNullable<BrowserSyncStatus['error']>): string {
  const next = e.retryAt ? t('options_browserSyncRetryAt', { time: clock(e.retryAt) }) : t('options_browserSyncRetryNext');
  switch (e.kind) {
    case 'quota':
      return `${t('options_browserSyncQuota', { detail: e.message })} ${next}`;
    case 'rate':
      return `${t('options_browserSyncRate', { detail: e.message })} ${next}`;
    case 'too-large':
      return t('options_browserSyncTooLarge', { detail: e.message });
    case 'unreadable':
      return t('options_browserSyncUnreadable', { detail: e.message });
    case 'storage':
      return `${t('options_browserSyncFailed', { detail: e.message })} ${next}`;
  }
}

/** The status in words. */
export function browserSyncStatusText(s: BrowserSyncStatus): string {
  if (!s.enabled) return t('options_browserSyncOff');
  const parts: string[] = [];
  if (s.error) parts.push(browserSyncErrorText(s.error));
  if (s.lastWriteAt) parts.push(t('options_browserSyncLastSaved', { when: when(s.lastWriteAt) }));
  else if (!s.error) parts.push(s.lastMergeAt ? t('options_browserSyncUpToDate') : t('options_browserSyncNotYet'));
  if (s.feeds !== undefined && s.bytes !== undefined) {
    parts.push(tn('options_browserSyncSize', s.feeds, { size: kilobytes(s.bytes), quota: QUOTA.total / 1024 }));
  }
  if (s.applied) {
    const a = s.applied;
    const done = [
      a.added ? tn('options_browserSyncAdded', a.added) : '',
      a.removed ? tn('options_browserSyncRemoved', a.removed) : '',
      a.moved ? tn('options_browserSyncMoved', a.moved) : '',
      a.updated ? tn('options_browserSyncChanged', a.updated) : '',
    ].filter(Boolean);
    if (done.length) parts.push(t('options_browserSyncFromOthers', { changes: done.join(t('opml_listSeparator')) }));
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
      <h2 id="browser-sync-h">{t('options_browserSyncHeading')}</h2>
      <p class="muted">{t('options_browserSyncIntro')}</p>
      <label class="switch-row">
        <input
          type="checkbox"
          role="switch"
          checked={status?.enabled ?? true}
          disabled={!status}
          onChange={(e) => void toggle((e.target as HTMLInputElement).checked)}
          data-testid="browser-sync-switch"
        />{' '}
        {t('options_browserSyncSwitch')}
      </label>
      <p role="status" aria-live="polite" data-testid="browser-sync-status" class="sync-status">
        {status ? browserSyncStatusText(status) : t('options_browserSyncLoading')}
        {message ? ` ${message}` : ''}
      </p>
    </section>
  );
}

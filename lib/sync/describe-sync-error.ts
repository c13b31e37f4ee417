/** The words the Sync section shows for each failure. */
import type { SyncErrorKind } from './sync-error';
import { t } from '../i18n/t';
import { uiLocale } from '../i18n/ui-locale';

/** What the status line needs of an error (a stored copy of a SyncError). */
export interface SyncFailure {
  kind: SyncErrorKind;
  message: string;
  status?: number;
  retryAt?: number;
  suggestion?: string;
}

function clock(at: number): string {
  return new Date(at).toLocaleTimeString(uiLocale(), { hour: '2-digit', minute: '2-digit' });
}

/** One sentence for the user: what failed and what to do. */
export function describeSyncError(f: SyncFailure, server: string): string {
  switch (f.kind) {
    case 'credentials':
      return t('sync_errorCredentials', { server });
    case 'app-credentials':
      return t('sync_errorAppCredentials', { server });
    case 'unreachable':
      return t('sync_errorUnreachable', { server, detail: f.message });
    case 'unreachable-or-tls':
      return t('sync_errorUnreachableOrTls', { server, detail: f.message });
    case 'tls':
      return t('sync_errorTls', { server, detail: f.message });
    case 'not-greader':
      return f.suggestion
        ? t('sync_errorNotGreaderSuggest', { server, detail: f.message, suggestion: f.suggestion })
        : t('sync_errorNotGreader', { server, detail: f.message });
    case 'rate-limited':
      // The HTTP status is a code, not a number to format ("HTTP 429", never "HTTP 4,29").
      return f.retryAt
        ? t('sync_errorRateLimitedUntil', { server, time: clock(f.retryAt), status: String(f.status ?? 429) })
        : t('sync_errorRateLimited', { server, status: String(f.status ?? 429) });
    case 'server':
      return t('sync_errorServer', { server, status: String(f.status ?? 500) });
    case 'protocol':
      return t('sync_errorProtocol', { server, detail: f.message });
  }
}

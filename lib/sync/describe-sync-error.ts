/** The words the Sync section shows for each failure. */
import type { SyncErrorKind } from './sync-error';

/** What the status line needs of an error (a stored copy of a SyncError). */
export interface SyncFailure {
  kind: SyncErrorKind;
  message: string;
  status?: number;
  retryAt?: number;
  suggestion?: string;
}

function clock(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** One sentence for the user: what failed and what to do. */
export function describeSyncError(f: SyncFailure, server: string): string {
  switch (f.kind) {
    case 'credentials':
      return `Wrong username or API password: ${server} refused them. Use the API password (FreshRSS and Miniflux set it apart from the login password).`;
    case 'app-credentials':
      return `${server} refused the App ID and App Key (Inoreader needs a registered app's ID and key).`;
    case 'unreachable':
      return `Cannot reach ${server} (${f.message}). Changes wait here and are sent when it answers.`;
    case 'unreachable-or-tls':
      return `Could not reach ${server}, or its certificate is not trusted (${f.message}; the browser did not say which). Check the address and the server's certificate. Changes wait here and are sent when it answers.`;
    case 'tls':
      return `The certificate of ${server} was refused (${f.message}). Check the address, or the server's certificate.`;
    case 'not-greader':
      return f.suggestion
        ? `${server} is not a Google Reader API address (${f.message}). Use ${f.suggestion}.`
        : `${server} is not a Google Reader API address (${f.message}). For FreshRSS use …/api/greader.php; for Miniflux, its own address with the Google Reader integration turned on.`;
    case 'rate-limited':
      return `${server} asked Orrery to wait${f.retryAt ? ` until ${clock(f.retryAt)}` : ''} (HTTP ${f.status ?? 429}). Nothing is lost; sync resumes then.`;
    case 'server':
      return `${server} had an error (HTTP ${f.status ?? 500}). Changes wait here; Orrery tries again later.`;
    case 'protocol':
      return `${server} answered something Orrery could not use: ${f.message}.`;
  }
}

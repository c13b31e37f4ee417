/** The ways talking to a sync service fails, each a kind the user reads in its own words. */

/** What went wrong, as far as the client could tell. */
export type SyncErrorKind =
  /** The service refused the username or API password (ClientLogin 401/403). */
  | 'credentials'
  /** Inoreader refused the AppId/AppKey (403 with app credentials). */
  | 'app-credentials'
  /** No answer: DNS, refused, dropped, offline. */
  | 'unreachable'
  /** The certificate was refused. */
  | 'tls'
  /** An https address gave no answer and the browser did not say why: unreachable, or a certificate it refused. */
  | 'unreachable-or-tls'
  /** Something answered, but not a Google Reader API (e.g. the web UI's address). */
  | 'not-greader'
  /** 429 or 503: wait until `retryAt`. */
  | 'rate-limited'
  /** Another 5xx. */
  | 'server'
  /** A 4xx or an answer the client could not read. */
  | 'protocol';

/** An error from the sync client, with what the UI needs to say it. */
export class SyncError extends Error {
  /** What went wrong. */
  readonly kind: SyncErrorKind;
  /** HTTP status, when there was a response. */
  readonly status?: number;
  /** For 'rate-limited': the instant the service allows the next request. */
  readonly retryAt?: number;
  /** For 'not-greader': the address the user probably meant. */
  readonly suggestion?: string;

  constructor(kind: SyncErrorKind, message: string, extra: { status?: number; retryAt?: number; suggestion?: string } = {}) {
    super(message);
    this.name = 'SyncError';
    this.kind = kind;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.retryAt !== undefined) this.retryAt = extra.retryAt;
    if (extra.suggestion !== undefined) this.suggestion = extra.suggestion;
  }
}

const TLS = /cert|ssl|tls|self[- ]signed|UNABLE_TO_VERIFY|ERR_CERT|handshake/i;

/**
 * Classifies a fetch that threw (no response). `cause` is what the browser itself reported
 * for that URL (webRequest.onErrorOccurred, e.g. net::ERR_CERT_DATE_INVALID), because fetch
 * only says "Failed to fetch" (Chrome) or "NetworkError when attempting to fetch resource"
 * (Firefox) for a refused connection and a refused certificate alike; in Node the error's
 * cause carries a code instead. Without either, an https address may be either.
 */
export function networkError(err: unknown, cause?: string, url?: string): SyncError {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  const text = [cause, e?.cause?.code, e?.cause?.message, e?.message].filter(Boolean).join(' ');
  if (TLS.test(text)) return new SyncError('tls', cause ?? e?.cause?.code ?? 'certificate error');
  const known = cause ?? e?.cause?.code;
  if (!known && url && /^https:/i.test(url)) return new SyncError('unreachable-or-tls', e?.message ?? 'network error');
  return new SyncError('unreachable', known ?? e?.message ?? 'network error');
}

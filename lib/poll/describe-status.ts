import type { FetchStatusKind } from '../db/types';
import { t, type MessageKey } from '../i18n/t';
import { REASON_PHRASES as REASONS } from './http-reason-phrases';
import { durationText } from './schedule-duration-text';

/** The result of fetching and reading a feed, as the poller records it. */
export interface FetchStatus {
  kind: FetchStatusKind;
  status?: number;
  /** Technical detail (an exception's text, a parser's complaint), appended to the sentence. */
  message?: string;
  /** How long a 429/503 asked Orrery to wait (from Retry-After, or the backoff). */
  retryInMs?: number;
}

/** A fetch status in words: a short label for the subscriptions list, a sentence for the user. */
export interface StatusDescription {
  label: string;
  message: string;
}


// What a status means for someone who only wants their feed back.
const MEANINGS: Readonly<Record<number, MessageKey>> = {
  401: 'error_meaning401',
  403: 'error_meaning403',
  404: 'error_meaning404',
  406: 'error_meaning406',
  408: 'error_meaning408',
  410: 'error_meaning410',
  429: 'error_meaning429',
  451: 'error_meaning451',
  503: 'error_meaning503',
};
// The same without "so Orrery will wait", for when the wait itself is said.
const WAIT_MEANINGS: Readonly<Record<number, MessageKey>> = { 429: 'error_meaning429Short', 503: 'error_meaning503Short' };

/** The "404 Not Found" part of a sentence, or just "404" for a code without a known phrase (the phrase is the protocol's, not translated). */
function statusText(status: number): string {
  const reason = REASONS[status];
  return reason ? `${status} ${reason}` : String(status);
}

function meaning(status: number): string {
  const known = MEANINGS[status];
  if (known) return t(known);
  if (status >= 500) return t('error_meaning5xx');
  if (status >= 400) return t('error_meaning4xx');
  if (status >= 300) return t('error_meaning3xx');
  return t('error_meaningOther');
}

function answered(status: number): string {
  return t('error_serverAnswered', { status: statusText(status), meaning: meaning(status) });
}

/** "…; Orrery will not ask again for 2 h." when the wait is known. */
function rateLimited(s: FetchStatus): string {
  const status = s.status ?? 429;
  if (s.retryInMs === undefined || !(s.retryInMs > 0) || !Number.isFinite(s.retryInMs)) return answered(status);
  const short = WAIT_MEANINGS[status];
  return t('error_serverAnsweredWait', { status: statusText(status), meaning: short ? t(short) : meaning(status), wait: durationText(s.retryInMs) });
}

// A network failure in words, recognized from the browser's error code (Chromium's net::ERR_*,
// Firefox's NS_ERROR_* / SEC_ERROR_*, Node's errno names): the first pattern that matches wins.
const NETWORK_CAUSES: readonly [RegExp, MessageKey, MessageKey][] = [
  [/NAME_NOT_RESOLVED|UNKNOWN_HOST|ENOTFOUND|EAI_AGAIN|NAME_RESOLUTION_FAILED|DNS/i, 'error_labelDns', 'error_dns'],
  [/CERT|SSL|TLS|SEC_ERROR|HANDSHAKE/i, 'error_labelCertificate', 'error_certificate'],
  [/CONNECTION_REFUSED|ECONNREFUSED/i, 'error_labelRefused', 'error_refused'],
  [/CONNECTION_RESET|CONNECTION_CLOSED|ECONNRESET|EMPTY_RESPONSE|NET_RESET|NET_INTERRUPT/i, 'error_labelDropped', 'error_dropped'],
  [/INTERNET_DISCONNECTED|NS_ERROR_OFFLINE|NETWORK_CHANGED|ENETUNREACH/i, 'error_labelOffline', 'error_offline'],
  [/TIMED_OUT|ETIMEDOUT|NET_TIMEOUT/i, 'error_labelTimeout', 'error_timeout'],
  [/TOO_MANY_REDIRECTS|REDIRECT_LOOP|too many redirects/i, 'error_labelTooManyRedirects', 'error_tooManyRedirects'],
];

function networkError(detail: string | undefined): StatusDescription {
  for (const [pattern, label, message] of NETWORK_CAUSES) if (detail && pattern.test(detail)) return { label: t(label), message: t(message) };
  return { label: t('error_labelNetwork'), message: t('error_network') };
}

/**
 * Describes a fetch status for people: a list label ("HTTP 404") and a sentence explaining it,
 * in the reader's language at the time it is made (the poller stores the sentence with the feed).
 * The technical detail (the browser's or parser's own words) is appended as it came.
 */
export function describeFetchStatus(s: FetchStatus): StatusDescription {
  const base = describe(s);
  const detail = s.message?.trim();
  // Detail is for the curious and for bug reports; keep it from swamping the sentence.
  if (!detail) return base;
  const short = detail.length > 200 ? `${detail.slice(0, 199)}…` : detail;
  // A failed save names the browser's error in the sentence itself: it is the whole story.
  if (s.kind === 'redirect-loop') return { label: base.label, message: t('error_redirectLoopDetail', { detail: short }) };
  if (s.kind === 'storage-error') return { label: base.label, message: t('error_storageDetail', { detail: short.replace(/\.$/, '') }) };
  return { label: base.label, message: t('error_withDetail', { message: base.message, detail: short }) };
}

function describe(s: FetchStatus): StatusDescription {
  switch (s.kind) {
    case 'ok':
      return { label: t('worker_statusOk'), message: t('worker_statusOkMessage') };
    case 'not-modified':
      return { label: t('worker_statusNotModified'), message: t('worker_statusNotModifiedMessage') };
    case 'http-error':
      return {
        // "HTTP 404" is a code, not a number to format for the reader's language.
        label: s.status === undefined ? t('error_labelHttp') : t('error_labelHttpStatus', { status: String(s.status) }),
        message: s.status === undefined ? t('error_http') : answered(s.status),
      };
    case 'gone':
      return { label: t('error_labelGone'), message: answered(s.status ?? 410) };
    case 'rate-limited':
      return { label: t('error_labelRateLimited'), message: rateLimited(s) };
    case 'network-error':
      return networkError(s.message);
    case 'redirect-loop':
      return { label: t('error_labelRedirectLoop'), message: t('error_redirectLoop') };
    case 'timeout':
      return { label: t('error_labelTimeout'), message: t('error_timeout') };
    case 'parse-error':
      return { label: t('error_labelMalformed'), message: t('error_malformed') };
    case 'not-a-feed':
      return { label: t('error_labelNotAFeed'), message: t('error_notAFeed') };
    case 'too-large':
      return { label: t('error_labelTooLarge'), message: t('error_tooLarge') };
    case 'storage-full':
      return { label: t('error_labelStorageFull'), message: t('error_storageFull') };
    case 'storage-error':
      return { label: t('error_labelStorage'), message: t('error_storage') };
  }
}

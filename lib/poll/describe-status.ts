import type { FetchStatusKind } from '../db/types';
import { scheduleDurationText } from './schedule-duration-text';

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

// The reason phrases feed servers actually send (RFC 9110 §15, plus the unofficial 5xx codes
// that CDNs put in front of blogs).
const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  410: 'Gone',
  412: 'Precondition Failed',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  418: "I'm a teapot",
  421: 'Misdirected Request',
  429: 'Too Many Requests',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  520: 'Web Server Returned an Unknown Error',
  521: 'Web Server Is Down',
  522: 'Connection Timed Out',
  523: 'Origin Is Unreachable',
  524: 'A Timeout Occurred',
  525: 'SSL Handshake Failed',
  526: 'Invalid SSL Certificate',
};

// What a status means for someone who only wants their feed back.
const MEANINGS: Readonly<Record<number, string>> = {
  401: 'the feed needs a login',
  403: 'the server refuses to serve this feed (it may need a login, or block feed readers)',
  404: 'the feed is not at this address',
  406: 'the server would not send a feed format Orrery asked for',
  408: 'the server gave up waiting for the request; Orrery will try again later',
  410: 'the feed was removed for good, so Orrery stopped checking it',
  429: 'Orrery asked too often, so it will wait before asking again',
  451: 'the feed is blocked for legal reasons',
  503: 'the site is overloaded or down for maintenance, so Orrery will wait before asking again',
};

/** The "404 Not Found" part of a sentence, or just "404" for a code without a known phrase. */
function statusText(status: number): string {
  const reason = REASONS[status];
  return reason ? `${status} ${reason}` : String(status);
}

function meaning(status: number): string {
  const known = MEANINGS[status];
  if (known) return known;
  if (status >= 500) return 'the site has a problem on its side; Orrery will try again later';
  if (status >= 400) return 'the server refused the request';
  if (status >= 300) return 'the server redirected without saying where';
  return 'the server did not send the feed';
}

function answered(status: number | undefined, fallback: string): string {
  if (status === undefined) return `${fallback}.`;
  return `The server answered ${statusText(status)}: ${meaning(status)}.`;
}

/** "…so it will wait 2 h before asking again." when the wait is known. */
function rateLimited(s: FetchStatus): string {
  const base = answered(s.status ?? 429, 'The server asked Orrery to slow down');
  if (s.retryInMs === undefined || !(s.retryInMs > 0) || !Number.isFinite(s.retryInMs)) return base;
  return `${base.replace(/, so (?:it|Orrery) will wait before asking again\.$/, '.').replace(/\.$/, '')}; Orrery will not ask again for ${scheduleDurationText(s.retryInMs)}.`;
}

// A network failure in words, recognized from the browser's error code (Chromium's net::ERR_*,
// Firefox's NS_ERROR_* / SEC_ERROR_*, Node's errno names): the first pattern that matches wins.
const NETWORK_CAUSES: readonly [RegExp, StatusDescription][] = [
  [
    /NAME_NOT_RESOLVED|UNKNOWN_HOST|ENOTFOUND|EAI_AGAIN|NAME_RESOLUTION_FAILED|DNS/i,
    { label: 'Address not found', message: "The site's address could not be found (DNS): the domain may have expired or be mistyped." },
  ],
  [
    /CERT|SSL|TLS|SEC_ERROR|HANDSHAKE/i,
    { label: 'Certificate error', message: 'The secure connection failed: the site\'s certificate or encryption was not accepted, so Orrery did not read it.' },
  ],
  [
    /CONNECTION_REFUSED|ECONNREFUSED/i,
    { label: 'Connection refused', message: 'The server refused the connection: nothing is listening at this address right now.' },
  ],
  [
    /CONNECTION_RESET|CONNECTION_CLOSED|ECONNRESET|EMPTY_RESPONSE|NET_RESET|NET_INTERRUPT/i,
    { label: 'Connection dropped', message: 'The server closed the connection before sending the feed; Orrery will try again later.' },
  ],
  [
    /INTERNET_DISCONNECTED|NS_ERROR_OFFLINE|NETWORK_CHANGED|ENETUNREACH/i,
    { label: 'Offline', message: 'The computer was offline; Orrery will try again later.' },
  ],
  [
    /TIMED_OUT|ETIMEDOUT|NET_TIMEOUT/i,
    { label: 'Timed out', message: 'The server took too long to answer; Orrery will try again later.' },
  ],
  [
    /TOO_MANY_REDIRECTS|REDIRECT_LOOP|too many redirects/i,
    { label: 'Too many redirects', message: 'Too many redirects: the server kept sending Orrery from one address to another.' },
  ],
];

function networkError(detail: string | undefined): StatusDescription {
  for (const [pattern, words] of NETWORK_CAUSES) if (detail && pattern.test(detail)) return words;
  return { label: 'Network error', message: 'Could not reach the server (no connection, unknown address, or a secure connection failed).' };
}

/** Describes a fetch status for people: a list label ("HTTP 404") and a sentence explaining it. */
export function describeFetchStatus(s: FetchStatus): StatusDescription {
  const base = describe(s);
  const detail = s.message?.trim();
  // Detail is for the curious and for bug reports; keep it from swamping the sentence.
  if (!detail) return base;
  const short = detail.length > 200 ? `${detail.slice(0, 199)}…` : detail;
  // A failed save names the browser's error in the sentence itself: it is the whole story.
  if (s.kind === 'redirect-loop') return { label: base.label, message: `Redirect loop: the server keeps redirecting (${short}), so the feed never arrives. Orrery will try again later.` };
  if (s.kind === 'storage-error') return { label: base.label, message: `Could not save posts: ${short.replace(/\.$/, '')}. Orrery kept what it had and will try again later.` };
  return { label: base.label, message: `${base.message} (${short})` };
}

function describe(s: FetchStatus): StatusDescription {
  switch (s.kind) {
    case 'ok':
      return { label: 'OK', message: 'The feed was fetched and read.' };
    case 'not-modified':
      return { label: 'Not modified', message: 'The server said the feed has not changed since the last check.' };
    case 'http-error':
      return {
        label: s.status === undefined ? 'HTTP error' : `HTTP ${s.status}`,
        message: answered(s.status, 'The server answered with an error'),
      };
    case 'gone':
      return {
        label: 'Gone',
        message: answered(s.status ?? 410, 'The feed was removed for good, so Orrery stopped checking it'),
      };
    case 'rate-limited':
      return { label: 'Rate limited', message: rateLimited(s) };
    case 'network-error':
      return networkError(s.message);
    case 'redirect-loop':
      return { label: 'Redirect loop', message: 'Redirect loop: the server keeps redirecting the feed from one address to another and never answers with it.' };
    case 'timeout':
      return { label: 'Timed out', message: 'The server took too long to answer; Orrery will try again later.' };
    case 'parse-error':
      return { label: 'Malformed feed', message: 'The address answered with a feed too broken to read.' };
    case 'not-a-feed':
      return { label: 'Not a feed', message: 'The address answered, but with something that is not a feed (a web page, or another kind of file).' };
    case 'too-large':
      return { label: 'Too large', message: 'The feed is larger than Orrery accepts, so it was not read.' };
    case 'storage-full':
      return {
        label: 'Storage full',
        message: 'Storage full: the feed was fetched, but the browser refused to save it. Free disk space, or keep fewer posts per feed in Settings; posts already stored are kept, and Orrery will try again.',
      };
    case 'storage-error':
      return { label: 'Could not save', message: 'Could not save posts: the browser refused to store them. Orrery kept what it had and will try again later.' };
  }
}

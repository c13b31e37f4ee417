import { describe, expect, it } from 'vitest';
import { describeFetchStatus, type FetchStatus } from './describe-status';

describe('describeFetchStatus', () => {
  it.each<[FetchStatus, string, string]>([
    [{ kind: 'ok', status: 200 }, 'OK', 'The feed was fetched and read.'],
    [{ kind: 'not-modified', status: 304 }, 'Not modified', 'The server said the feed has not changed since the last check.'],
    [{ kind: 'http-error', status: 404 }, 'HTTP 404', 'The server answered 404 Not Found: the feed is not at this address.'],
    [{ kind: 'http-error', status: 403 }, 'HTTP 403', 'The server answered 403 Forbidden: the server refuses to serve this feed (it may need a login, or block feed readers).'],
    [{ kind: 'http-error', status: 401 }, 'HTTP 401', 'The server answered 401 Unauthorized: the feed needs a login.'],
    [{ kind: 'http-error', status: 500 }, 'HTTP 500', 'The server answered 500 Internal Server Error: the site has a problem on its side; Orrery will try again later.'],
    [{ kind: 'http-error', status: 502 }, 'HTTP 502', 'The server answered 502 Bad Gateway: the site has a problem on its side; Orrery will try again later.'],
    [{ kind: 'http-error', status: 522 }, 'HTTP 522', 'The server answered 522 Connection Timed Out: the site has a problem on its side; Orrery will try again later.'],
    [{ kind: 'http-error', status: 499 }, 'HTTP 499', 'The server answered 499: the server refused the request.'],
    [{ kind: 'http-error', status: 300 }, 'HTTP 300', 'The server answered 300: the server redirected without saying where.'],
    [{ kind: 'http-error' }, 'HTTP error', 'The server answered with an error.'],
    [{ kind: 'gone', status: 410 }, 'Gone', 'The server answered 410 Gone: the feed was removed for good, so Orrery stopped checking it.'],
    [{ kind: 'gone' }, 'Gone', 'The server answered 410 Gone: the feed was removed for good, so Orrery stopped checking it.'],
    [{ kind: 'rate-limited', status: 429 }, 'Rate limited', 'The server answered 429 Too Many Requests: Orrery asked too often, so it will wait before asking again.'],
    [{ kind: 'rate-limited', status: 503 }, 'Rate limited', 'The server answered 503 Service Unavailable: the site is overloaded or down for maintenance, so Orrery will wait before asking again.'],
    [{ kind: 'network-error' }, 'Network error', 'Could not reach the server (no connection, unknown address, or a secure connection failed).'],
    [{ kind: 'timeout' }, 'Timed out', 'The server took too long to answer; Orrery will try again later.'],
    [{ kind: 'parse-error' }, 'Malformed feed', 'The address answered with a feed too broken to read.'],
    [{ kind: 'not-a-feed' }, 'Not a feed', 'The address answered, but with something that is not a feed (a web page, or another kind of file).'],
    [{ kind: 'too-large' }, 'Too large', 'The feed is larger than Orrery accepts, so it was not read.'],
    [{ kind: 'redirect-loop' }, 'Redirect loop', 'Redirect loop: the server keeps redirecting the feed from one address to another and never answers with it.'],
    [
      { kind: 'storage-full' },
      'Storage full',
      'Storage full: the feed was fetched, but the browser refused to save it. Free disk space, or keep fewer posts per feed in Settings; posts already stored are kept, and Orrery will try again.',
    ],
    [{ kind: 'storage-error' }, 'Could not save', 'Could not save posts: the browser refused to store them. Orrery kept what it had and will try again later.'],
    [
      { kind: 'rate-limited', status: 429, retryInMs: 2 * 3_600_000 },
      'Rate limited',
      'The server answered 429 Too Many Requests: Orrery asked too often; Orrery will not ask again for 2 h.',
    ],
    [
      { kind: 'rate-limited', status: 503, retryInMs: 45 * 60_000 },
      'Rate limited',
      'The server answered 503 Service Unavailable: the site is overloaded or down for maintenance; Orrery will not ask again for 45 min.',
    ],
  ])('%o', (status, label, message) => {
    expect(describeFetchStatus(status)).toEqual({ label, message });
  });

  it.each<[FetchStatus, string]>([
    [{ kind: 'network-error', message: 'getaddrinfo ENOTFOUND example.invalid' }, '(getaddrinfo ENOTFOUND example.invalid)'],
    [{ kind: 'timeout', message: '  no answer within 20 s ' }, '(no answer within 20 s)'],
    [{ kind: 'parse-error', message: 'Unexpected close tag at line 3' }, '(Unexpected close tag at line 3)'],
  ])('appends the detail: %o', (status, suffix) => {
    expect(describeFetchStatus(status).message.endsWith(` ${suffix}`)).toBe(true);
  });

  it('names the browser\'s error in the sentence when a save fails for another reason than space', () => {
    expect(describeFetchStatus({ kind: 'storage-error', message: 'UnknownError: Internal error committing transaction.' })).toEqual({
      label: 'Could not save',
      message: 'Could not save posts: UnknownError: Internal error committing transaction. Orrery kept what it had and will try again later.',
    });
    expect(describeFetchStatus({ kind: 'storage-full', message: 'QuotaExceededError' }).message).toMatch(/^Storage full: .* \(QuotaExceededError\)$/);
  });

  it.each<[string, string, RegExp]>([
    ['net::ERR_NAME_NOT_RESOLVED', 'Address not found', /could not be found \(DNS\)/],
    ['getaddrinfo ENOTFOUND example.invalid', 'Address not found', /DNS/],
    ['NS_ERROR_UNKNOWN_HOST', 'Address not found', /DNS/],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'Certificate error', /certificate/],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'Certificate error', /secure connection failed/],
    ['SEC_ERROR_EXPIRED_CERTIFICATE', 'Certificate error', /certificate/],
    ['net::ERR_CONNECTION_REFUSED', 'Connection refused', /refused the connection/],
    ['net::ERR_CONNECTION_RESET', 'Connection dropped', /closed the connection/],
    ['net::ERR_INTERNET_DISCONNECTED', 'Offline', /offline/],
    ['net::ERR_CONNECTION_TIMED_OUT', 'Timed out', /too long/],
    ['net::ERR_TOO_MANY_REDIRECTS', 'Too many redirects', /^Too many redirects:/],
    ['Failed to fetch', 'Network error', /^Could not reach the server/],
  ])('tells network failures apart by the browser\'s error: %s', (detail, label, message) => {
    const d = describeFetchStatus({ kind: 'network-error', message: detail });
    expect(d.label).toBe(label);
    expect(d.message).toMatch(message);
    expect(d.message.endsWith(`(${detail})`)).toBe(true);
  });

  it('leaves the wait out when it is not known or already over', () => {
    for (const retryInMs of [undefined, 0, -5, Infinity]) {
      expect(describeFetchStatus({ kind: 'rate-limited', status: 429, ...(retryInMs !== undefined ? { retryInMs } : {}) }).message).toBe(
        'The server answered 429 Too Many Requests: Orrery asked too often, so it will wait before asking again.',
      );
    }
  });

  it('ignores an empty detail', () => {
    expect(describeFetchStatus({ kind: 'timeout', message: '   ' }).message).toBe(
      'The server took too long to answer; Orrery will try again later.',
    );
  });

  it('shortens a long detail', () => {
    const { message } = describeFetchStatus({ kind: 'parse-error', message: 'x'.repeat(5000) });
    expect(message.length).toBeLessThan(300);
    expect(message.endsWith('…)')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { chainText, createRedirectLog, permanentTarget, redirectTrouble } from './redirect-log';

describe('redirect log', () => {
  it('follows recorded hops and stops at loops', () => {
    const log = createRedirectLog();
    log.record({ from: 'http://a/', to: 'http://b/', status: 301, at: 0 });
    log.record({ from: 'http://b/', to: 'http://c/', status: 308, at: 0 });
    log.record({ from: 'http://c/', to: 'http://a/', status: 302, at: 0 });
    expect(log.chain('http://a/').map((h) => h.to)).toEqual(['http://b/', 'http://c/', 'http://a/']);
  });
  it('adopts a chain of permanent redirects only', () => {
    const permanent = [
      { from: 'http://a/', to: 'http://b/', status: 301, at: 0 },
      { from: 'http://b/', to: 'http://c/', status: 308, at: 0 },
    ];
    expect(permanentTarget(permanent, 'http://c/')).toBe('http://c/');
    expect(permanentTarget([{ ...permanent[0]!, status: 302 }], 'http://b/')).toBeUndefined();
    expect(permanentTarget([permanent[0]!, { ...permanent[1]!, status: 307 }], 'http://c/')).toBeUndefined();
    expect(permanentTarget([], 'http://a/')).toBeUndefined();
  });
  it('forgets old hops', () => {
    const log = createRedirectLog();
    log.record({ from: 'http://a/', to: 'http://b/', status: 301, at: 0 });
    log.prune(60 * 60_000);
    expect(log.chain('http://a/')).toEqual([]);
  });
});

describe('redirect trouble', () => {
  const hop = (from: string, to: string, at = 0) => ({ from, to, status: 302, at });

  it('names a loop with the addresses it went round', () => {
    const log = createRedirectLog();
    log.record(hop('http://a/feed', 'http://a/loop'));
    log.record(hop('http://a/loop', 'http://a/feed'));
    expect(redirectTrouble(log.chain('http://a/feed'))).toEqual({ loop: true, urls: ['http://a/feed', 'http://a/loop', 'http://a/feed'] });
    expect(chainText(['http://a/feed', 'http://a/loop', 'http://a/feed'])).toBe('http://a/feed → http://a/loop → http://a/feed');
  });

  it('calls a chain past the cap "too many", and an ordinary chain nothing', () => {
    const log = createRedirectLog();
    for (let i = 0; i < 30; i++) log.record(hop(`http://a/${i}`, `http://a/${i + 1}`));
    const long = redirectTrouble(log.chain('http://a/0'));
    expect(long?.loop).toBe(false);
    expect(chainText(long!.urls)).toBe('http://a/0 → http://a/1 → … → http://a/10');
    expect(redirectTrouble(log.chain('http://a/27'))).toBeUndefined();
    expect(redirectTrouble([])).toBeUndefined();
  });

  it('only counts the hops of this fetch', () => {
    const log = createRedirectLog();
    log.record(hop('http://a/feed', 'http://a/loop', 100));
    log.record(hop('http://a/loop', 'http://a/feed', 100));
    expect(log.chain('http://a/feed', 200)).toEqual([]);
    expect(log.chain('http://a/feed', 100)).toHaveLength(2);
  });

  it("finds the browser's error for the feed or where its redirects led", () => {
    const log = createRedirectLog();
    log.record(hop('http://a/feed', 'http://b/feed', 10));
    log.recordError({ url: 'http://b/feed', error: 'net::ERR_NAME_NOT_RESOLVED', at: 11 });
    log.recordError({ url: 'http://c/feed', error: 'net::ERR_CERT_DATE_INVALID', at: 12 });
    expect(log.errorFor('http://a/feed', 10)).toBe('net::ERR_NAME_NOT_RESOLVED');
    expect(log.errorFor('http://a/feed', 20)).toBeUndefined();
    expect(log.errorFor('http://c/feed')).toBe('net::ERR_CERT_DATE_INVALID');
    log.prune(12 + 11 * 60_000);
    expect(log.errorFor('http://c/feed')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { createRedirectLog, permanentTarget } from './redirect-log';

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

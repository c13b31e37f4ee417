import { describe, expect, it } from 'vitest';
import { addFeeds } from '../db/feeds';
import { freshDb } from '../db/test-db';
import { describeFetchStatus } from './describe-status';
import { networkCause } from './network-cause';
import { pollFeed } from './poll-feed';
import { createRedirectLog } from './redirect-log';

const FEED = 'http://loop.example/feed.xml';
const LOOP = 'http://loop.example/loop.xml';

/** What the worker's webRequest listeners record while fetch follows a loop until it gives up. */
function loopingLog(at: number) {
  const log = createRedirectLog();
  log.record({ from: FEED, to: LOOP, status: 302, at });
  log.record({ from: LOOP, to: FEED, status: 302, at });
  log.recordError({ url: FEED, error: 'net::ERR_TOO_MANY_REDIRECTS', at });
  return log;
}

describe('networkCause', () => {
  it('tells a redirect loop from a network failure', () => {
    expect(networkCause(FEED, 'Failed to fetch', loopingLog(5), 5)).toEqual({ status: 'redirect-loop', message: `${FEED} → ${LOOP} → ${FEED}` });
    const dns = createRedirectLog();
    dns.recordError({ url: FEED, error: 'net::ERR_NAME_NOT_RESOLVED', at: 5 });
    expect(networkCause(FEED, 'Failed to fetch', dns, 5)).toEqual({ status: 'network-error', message: 'net::ERR_NAME_NOT_RESOLVED' });
    expect(networkCause(FEED, 'Failed to fetch', createRedirectLog(), 5)).toEqual({ status: 'network-error', message: 'Failed to fetch' });
  });

  it('says "too many redirects" for a long chain that never loops', () => {
    const log = createRedirectLog();
    for (let i = 0; i < 25; i++) log.record({ from: `http://a.example/${i}`, to: `http://a.example/${i + 1}`, status: 302, at: 5 });
    const cause = networkCause('http://a.example/0', 'Failed to fetch', log, 5);
    expect(cause.status).toBe('network-error');
    expect(describeFetchStatus({ kind: cause.status, message: cause.message! })).toMatchObject({ label: 'Too many redirects' });
  });

  it('makes pollFeed store "Redirect loop" with the addresses, not "could not reach the server"', async () => {
    const db = await freshDb();
    const { added } = await addFeeds(db, [{ url: FEED, title: 'Loop', firstCheckAt: 0 }], 0);
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    const result = await pollFeed(added[0]!, { db, fetch, now: () => 1000, redirects: loopingLog(1000) });
    expect(result.status).toBe('redirect-loop');
    const stored = (await db.get('feeds', added[0]!.id))!;
    expect(stored).toMatchObject({ lastStatus: 'redirect-loop', errorCount: 1 });
    expect(stored.lastMessage).toBe(`Redirect loop: the server keeps redirecting (${FEED} → ${LOOP} → ${FEED}), so the feed never arrives. Orrery will try again later.`);
  });
});

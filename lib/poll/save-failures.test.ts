import { describe, expect, it } from 'vitest';
import { makeFeed } from '../db/feeds';
import { createSaveFailureLog, withSaveFailures, type FeedSaveFailure } from './save-failures';

const failure = (at: number): FeedSaveFailure => ({ status: 'storage-full', message: 'Storage full: …', at, errorCount: 2, retryAt: at + 60_000 });

describe('save-failure log', () => {
  it('shows a logged status only over an older record', () => {
    const feed = { ...makeFeed({ url: 'http://a.example/f', firstCheckAt: 0 }, 0, 'a'), lastFetchAt: 1000, lastStatus: 'ok' as const };
    expect(withSaveFailures([feed], { feeds: { a: failure(2000) } })[0]).toMatchObject({ lastStatus: 'storage-full', lastFetchAt: 2000, errorCount: 2 });
    expect(withSaveFailures([feed], { feeds: { a: failure(500) } })[0]).toBe(feed);
    expect(withSaveFailures([feed], undefined)[0]).toBe(feed);
  });

  it('keeps working in memory when extension storage refuses too', async () => {
    const area = { get: async () => ({}), set: async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) };
    const log = createSaveFailureLog(area);
    await log.ready;
    log.record('a', failure(10));
    expect(log.get('a')).toEqual(failure(10));
    expect(log.countSince(10)).toBe(1);
    log.allowRetries();
    expect(log.get('a')?.retryAt).toBe(0);
    log.clear('a');
    expect(log.snapshot().feeds).toEqual({});
  });

  it('ignores a mirrored copy that is not its own shape', async () => {
    const log = createSaveFailureLog({ get: async () => ({ 'save-failures': 'garbage' }), set: async () => undefined });
    await log.ready;
    expect(log.snapshot()).toEqual({ feeds: {} });
  });
});

import { describe, expect, it } from 'vitest';
import { makeFeed } from '../db/feeds';
import type { StoredFeed } from '../db/types';
import { bytesSaved, everyText, feedStatus, isFailing, notModifiedText } from './feed-report';

const base: StoredFeed = makeFeed({ url: 'https://a.example/f', firstCheckAt: 0 }, 0, 'id');

describe('a subscription’s report', () => {
  it('estimates what 304s saved from the last full response, or the average one', () => {
    expect(bytesSaved({ ...base, fetchCount: 10, notModifiedCount: 8, bytesReceived: 40_000, lastBodyBytes: 30_000 })).toBe(240_000);
    expect(bytesSaved({ ...base, fetchCount: 10, notModifiedCount: 8, bytesReceived: 40_000 })).toBe(160_000);
    expect(notModifiedText({ ...base, fetchCount: 10, notModifiedCount: 8, bytesReceived: 40_000, lastBodyBytes: 30_000 })).toBe('8 of 10 (80%) · ~234 KB saved');
    expect(notModifiedText({ ...base, fetchCount: 2, notModifiedCount: 0, bytesReceived: 10 })).toBe('0 of 2 (0%)');
    expect(notModifiedText(base)).toBe('—');
  });

  it('labels the last status, with the stored detail for a parse error', () => {
    expect(feedStatus(base)).toEqual({ label: 'Not fetched yet', message: 'Waiting for its first fetch.' });
    const broken = { ...base, lastStatus: 'parse-error' as const, lastMessage: 'The address answered, but … (feed: invalid JSON)', errorCount: 1 };
    expect(feedStatus(broken)).toEqual({ label: 'Malformed feed', message: 'The address answered, but … (feed: invalid JSON)' });
    expect(feedStatus({ ...base, lastStatus: 'http-error', lastHttpStatus: 503 }).label).toBe('HTTP 503');
    expect(isFailing(broken)).toBe(true);
    expect(isFailing({ ...base, state: 'gone' })).toBe(true);
    expect(isFailing(base)).toBe(false);
  });

  it('says intervals in words', () => {
    expect([15, 60, 90, 1440, 10080].map(everyText)).toEqual(['every 15 min', 'every 1 h', 'every 1.5 h', 'every 24 h', 'every 7 days']);
  });
});

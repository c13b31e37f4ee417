import { describe, expect, it } from 'vitest';
import { feedHealth, healthText } from './feed-health';

describe('feedHealth', () => {
  it('tells ok, failing, gone and new apart', () => {
    expect(feedHealth({ state: 'active', errorCount: 0, lastFetchAt: 1 })).toBe('ok');
    expect(feedHealth({ state: 'active', errorCount: 2, lastFetchAt: 1 })).toBe('failing');
    expect(feedHealth({ state: 'gone', errorCount: 0, lastFetchAt: 1 })).toBe('gone');
    expect(feedHealth({ state: 'active', errorCount: 0, lastFetchAt: undefined })).toBe('new');
  });
  it('explains itself', () => {
    expect(healthText({ state: 'active', errorCount: 3, lastFetchAt: 0, lastMessage: 'HTTP 500' })).toBe('Failing 3× in a row: HTTP 500.');
    expect(healthText({ state: 'active', errorCount: 0, lastFetchAt: 0 }, 120_000)).toBe('OK, fetched 2 minutes ago.');
  });
});

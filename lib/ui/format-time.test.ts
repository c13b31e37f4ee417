import { describe, expect, it } from 'vitest';
import { agoText, dayHeading, formatDuration, relativeAge, relativeTime } from './format-time';

describe('format-time', () => {
  it('formats day headings as Planet does, in the UI language', () => {
    expect(dayHeading(Date.UTC(2025, 3, 26, 12))).toBe('April 26, 2025');
  });
  it.each([
    [30_000, 'just now'],
    [5 * 60_000, '5 min'],
    [3 * 3600_000, '3 hr'],
    [2 * 86400_000, '2 days'],
    [400 * 86400_000, '1 yr'],
  ])('age of %i ms is %s', (ago, want) => {
    const now = Date.UTC(2026, 0, 1);
    expect(relativeAge(now - ago, now)).toBe(want);
  });
  it('says how long ago, and formats media times', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(agoText(now - 10_000, now)).toBe('just now');
    expect(agoText(now - 3 * 3600_000, now)).toBe('3 hours ago');
    expect(agoText(now - 60_000, now)).toBe('1 minute ago');
    expect(relativeTime(now - 2 * 86400_000, now)).toBe('2 days ago');
    expect(relativeTime(now + 3 * 3600_000, now)).toBe('in 3 hours');
    expect(relativeTime(now + 20_000, now)).toBe('now');
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3723.9)).toBe('1:02:03');
    expect(formatDuration(Number.NaN)).toBe('--:--');
    expect(formatDuration(undefined)).toBe('--:--');
  });
});

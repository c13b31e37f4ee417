import { describe, expect, it } from 'vitest';
import { badgeText } from './badge-text';

describe('badgeText', () => {
  it.each([
    [0, 'count', ''],
    [7, 'count', '7'],
    [12345, 'count', '9999+'],
    [7, 'dot', '•'],
    [0, 'dot', ''],
    [7, 'off', ''],
  ] as const)('%i unread as %s -> %j', (n, style, want) => {
    expect(badgeText(n, style)).toBe(want);
  });
});

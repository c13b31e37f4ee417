import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from './settings';

describe('normalizeSettings', () => {
  it('fills defaults for nothing stored', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });
  it('clamps numbers and rejects unknown values', () => {
    const s = normalizeSettings({ minIntervalMinutes: 1, maxIntervalMinutes: 5, keepDays: -3, badge: 'rainbow', theme: 'dark' });
    expect(s).toMatchObject({ minIntervalMinutes: 15, maxIntervalMinutes: 15, keepDays: 0, badge: 'count', theme: 'dark' });
  });
});

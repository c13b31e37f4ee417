import { describe, expect, it } from 'vitest';
import { cadenceLabel, postingCadence } from './posting-cadence';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);

describe('postingCadence', () => {
  it('counts posts over the span from the oldest to the newest', () => {
    const weekly = Array.from({ length: 10 }, (_, i) => NOW - i * 7 * DAY);
    expect(postingCadence(weekly, NOW)).toEqual({ postsPerWeek: 1, label: 'about 1 post a week' });
    const daily = Array.from({ length: 15 }, (_, i) => NOW - i * DAY / 3);
    expect(postingCadence(daily, NOW).label).toBe('about 3 posts a day');
  });

  it('says when a feed has been silent for much longer than its rhythm', () => {
    const old = Array.from({ length: 10 }, (_, i) => NOW - 3 * 365 * DAY - i * DAY);
    expect(postingCadence(old, NOW).label).toBe('about 1 post a day, silent for 3 years');
    const monthly = Array.from({ length: 6 }, (_, i) => NOW - 70 * DAY - i * 30 * DAY);
    expect(postingCadence(monthly, NOW).label).toBe('about 1 post a month');
    const weekly = Array.from({ length: 6 }, (_, i) => NOW - 180 * DAY - i * 7 * DAY);
    expect(postingCadence(weekly, NOW).label).toBe('about 1 post a week, silent for 6 months');
  });

  it('says so when there is too little to tell', () => {
    expect(postingCadence([], NOW)).toEqual({ label: 'no dated posts' });
    expect(postingCadence([NOW], NOW)).toEqual({ label: 'only one dated post' });
  });

  it.each([
    [14, 'about 2 posts a day'],
    [3, 'about 3 posts a week'],
    [0.5, 'about 2 posts a month'],
    [0.05, 'about 3 posts a year'],
    [0.001, 'rarely'],
  ])('%f posts a week reads %s', (perWeek, label) => {
    expect(cadenceLabel(perWeek)).toBe(label);
  });
});

import { describe, expect, it } from 'vitest';
import { scheduleSkip, type SkipResult } from './schedule-skip';

// Wednesday 15 January 2025, 13:30 UTC.
const AT = Date.UTC(2025, 0, 15, 13, 30);
const utc = (day: number, hour: number): number => Date.UTC(2025, 0, day, hour);

describe('scheduleSkip', () => {
  it.each<[string, number[] | undefined, string[] | undefined, SkipResult]>([
    ['no rules', undefined, undefined, { at: AT }],
    ['empty rules', [], [], { at: AT }],
    ['hour not skipped', [2, 3], undefined, { at: AT }],
    ['to the start of the next allowed hour', [13], undefined, { at: utc(15, 14), movedBy: 'skipHours' }],
    ['across several hours', [13, 14, 15], undefined, { at: utc(15, 16), movedBy: 'skipHours' }],
    ['across midnight', [13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0], undefined, { at: utc(16, 1), movedBy: 'skipHours' }],
    ['hour 24 is midnight', [...Array.from({ length: 11 }, (_, i) => 13 + i), 24], undefined, { at: utc(16, 1), movedBy: 'skipHours' }],
    ['invalid hours are ignored', [-1, 25, 13.5], undefined, { at: AT }],
    ['every hour skipped: ignored', Array.from({ length: 24 }, (_, h) => h), undefined, { at: AT }],
    ['day skipped: next midnight', undefined, ['Wednesday'], { at: utc(16, 0), movedBy: 'skipDays' }],
    ['several days', undefined, ['Wednesday', 'Thursday', 'Friday'], { at: utc(18, 0), movedBy: 'skipDays' }],
    ['unknown day names are ignored', undefined, ['Funday', ''], { at: AT }],
    ['every day skipped: ignored', undefined, ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'], { at: AT }],
    ['days then hours', [0, 1, 2], ['Wednesday'], { at: utc(16, 3), movedBy: 'skipDays, skipHours' }],
    ['hours run into a skipped day', [13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23], ['Thursday'], { at: utc(17, 0), movedBy: 'skipDays, skipHours' }],
  ])('%s', (_name, hours, days, expected) => {
    expect(scheduleSkip(AT, hours, days)).toEqual(expected);
  });

  it('worst case: one allowed hour on one allowed day', () => {
    // Only Tuesday 23:00 is allowed; from Wednesday 13:30 that is six days ahead.
    const hours = Array.from({ length: 23 }, (_, h) => h);
    const days = ['Sunday', 'Monday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    expect(scheduleSkip(AT, hours, days)).toEqual({ at: utc(21, 23), movedBy: 'skipDays, skipHours' });
  });

  it('leaves never as never', () => {
    expect(scheduleSkip(Infinity, [1], ['Monday'])).toEqual({ at: Infinity });
  });
});

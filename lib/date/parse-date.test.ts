import { describe, expect, it } from 'vitest';
import { parseDate } from './parse-date.ts';

// NetNewsWire-style: many spellings of one instant must give one value.
const SAME_INSTANT: [string, string][] = [
  ['2004-01-01T19:48:21Z', 'RFC 3339, Z'],
  ['2004-01-01T19:48:21+00:00', 'RFC 3339, +00:00'],
  ['2004-01-01T20:48:21+01:00', 'RFC 3339, positive offset'],
  ['2004-01-01T14:48:21-05:00', 'RFC 3339, negative offset'],
  ['2004-01-01T19:48:21.538Z', 'fractional seconds (dropped)'],
  ['2004-01-01 19:48:21Z', 'space for T'],
  ['2004-01-01T19:48:21 +0000', 'space before zone, no colon'],
  ['20040101T194821Z', 'basic format'],
  ['2004-01-01T19:48:21', 'no zone: UTC'],
  ['Thu, 01 Jan 2004 19:48:21 GMT', 'RFC 1123'],
  ['Thu, 01 Jan 2004 19:48:21 +0000', 'RFC 822 numeric zone'],
  ['Thu, 01 Jan 2004 19:48:21 -0000', 'RFC 822 -0000'],
  ['Thu, 01 Jan 2004 19:48:21 UT', 'UT'],
  ['Thu, 01 Jan 2004 19:48:21 Z', 'Z'],
  ['01 Jan 2004 19:48:21 GMT', 'no day name'],
  ['Thu,01 Jan 2004 19:48:21 GMT', 'no space after comma'],
  ['Thu,  1 Jan 2004 19:48:21 GMT', 'single-digit day, extra spaces'],
  ['Thu, 1 Jan 04 19:48:21 GMT', 'two-digit year'],
  ['Thursday, 01 January 2004 19:48:21 GMT', 'full names'],
  ['Thu, 01 Jan 2004 14:48:21 EST', 'EST'],
  ['Thu, 01 Jan 2004 15:48:21 EDT', 'EDT'],
  ['Thu, 01 Jan 2004 11:48:21 PST', 'PST'],
  ['Thu, 01 Jan 2004 12:48:21 PDT', 'PDT'],
  ['Thu, 01 Jan 2004 20:48:21 CET', 'CET'],
  ['Thu, 01 Jan 2004 20:48:21 GMT+01:00', 'GMT+hh:mm'],
  ['Thu, 01 Jan 2004 19:48:21 Etc/GMT', 'Etc/GMT'],
  ['Thu Jan 01 2004 20:48:21 GMT+0100 (CET)', 'JavaScript Date#toString'],
  ['Thu Jan  1 19:48:21 +0000 2004', 'asctime with zone'],
  ['Thu, 01 Jan, 2004 19:48:21 UTC', 'comma after month'],
  ['  Thu, 01 Jan 2004 19:48:21 GMT \n', 'surrounding whitespace'],
];

describe('parseDate', () => {
  it.each(SAME_INSTANT)('%s (%s)', (input) => {
    expect(parseDate(input)).toBe(Date.UTC(2004, 0, 1, 19, 48, 21));
  });

  it.each([
    ['2004-01-01', Date.UTC(2004, 0, 1)],
    ['2003-12', Date.UTC(2003, 11, 1)],
    ['2003', Date.UTC(2003, 0, 1)],
    ['2003-335', Date.UTC(2003, 11, 1)],
    ['2020/1/10 14:33:00', Date.UTC(2020, 0, 10, 14, 33)],
    ['Thu, 01 Jan 2004', Date.UTC(2004, 0, 1)],
    ['Thu, 01 Jan 2004 00:00 GMT', Date.UTC(2004, 0, 1)],
    ['2004-02-28T18:14:55-08:00', Date.UTC(2004, 1, 29, 2, 14, 55)],
    ['2004-07-08 23:56:58 -00:20', Date.UTC(2004, 6, 9, 0, 16, 58)],
  ])('reduced or shifted form %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  // Unreadable is unknown: never "now", never 1970.
  it.each([
    [''],
    ['   '],
    ['yesterday'],
    ['Sun, 16 zzz 2012 11:47:32 GMT'],
    ['Sun, 16 Dec zz 11:47:32 GMT'],
    ['Sun, 16 Dec 2012 11:47:32 +zz:00'],
    ['2003-02-31T10:00:00Z'],
    ['2003-13-01'],
    ['013'],
    ['Thu, 31 Feb 2004 10:00:00 GMT'],
    ['Thu, 01 Jan 2004 25:00:00 GMT'],
    ['x'.repeat(500)],
  ])('%j is undefined', (input) => {
    expect(parseDate(input)).toBeUndefined();
  });

  it('undefined in, undefined out', () => {
    expect(parseDate(undefined)).toBeUndefined();
  });
});

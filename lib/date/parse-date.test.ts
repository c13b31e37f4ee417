import { describe, expect, it } from 'vitest';
import { parseDate } from './parse-date.ts';

// NetNewsWire-style: many spellings of one instant must give one value.
const SAME_INSTANT: [string, string][] = [
  ['2004-01-01T19:48:21Z', 'RFC 3339, Z'],
  ['2004-01-01T19:48:21+00:00', 'RFC 3339, +00:00'],
  ['2004-01-01T20:48:21+01:00', 'RFC 3339, positive offset'],
  ['2004-01-01T14:48:21-05:00', 'RFC 3339, negative offset'],
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
  ['Thursday, 01-Jan-04 19:48:21 GMT', 'RFC 850'],
  ['Thu, 01-Jan-2004 19:48:21 GMT', 'RFC 850 spelling, four-digit year'],
  ['Thursday, 01-Jan-04 11:48:21 PST', 'RFC 850 with a zone abbreviation'],
  ['Thu, 01 Jan 2004 11:48:21 America/Los_Angeles', 'IANA zone name, winter (PST)'],
  ['Thu, 01 Jan 2004 20:48:21 Europe/Berlin', 'IANA zone name, CET'],
  ['Fri, 02 Jan 2004 01:18:21 Asia/Kolkata', 'IANA zone name, half-hour offset'],
  ['Thu, 01 Jan 2004 19:48:21 Etc/UTC', 'Etc/UTC'],
  ['2004-01-01T11:48:21 America/Los_Angeles', 'ISO local time and a zone name'],
  ['2004-01-01T11:48:21[America/Los_Angeles]', 'ISO local time, bracketed zone name'],
  ['2004-01-01T11:48:21-08:00[America/Los_Angeles]', 'RFC 9557: the offset and the zone name'],
];

// Milliseconds are kept: two posts a second apart (or a fraction apart) keep their order.
const WITH_MILLIS: [string, number][] = [
  ['2024-03-01T10:00:00.123Z', Date.UTC(2024, 2, 1, 10, 0, 0, 123)],
  ['2024-03-01T10:00:00.5+01:00', Date.UTC(2024, 2, 1, 9, 0, 0, 500)],
  ['2024-03-01T10:00:00,25Z', Date.UTC(2024, 2, 1, 10, 0, 0, 250)],
  ['2024-03-01T10:00:00.123456789Z', Date.UTC(2024, 2, 1, 10, 0, 0, 123)],
  ['2024-03-01 10:00:00.07 +0000', Date.UTC(2024, 2, 1, 10, 0, 0, 70)],
  ['20240301T100000.999Z', Date.UTC(2024, 2, 1, 10, 0, 0, 999)],
  ['Fri, 01 Mar 2024 10:00:00.123 GMT', Date.UTC(2024, 2, 1, 10, 0, 0, 123)],
  ['Fri, 01 Mar 2024 11:00:00.5 +0100', Date.UTC(2024, 2, 1, 10, 0, 0, 500)],
  ['Friday, 01-Mar-24 10:00:00.123 GMT', Date.UTC(2024, 2, 1, 10, 0, 0, 123)],
];

// A zone name means the offset in force at that instant there: summer and winter differ.
const ZONE_NAMES: [string, number][] = [
  ['Fri, 31 Mar 2023 20:19:00 America/Los_Angeles', Date.UTC(2023, 3, 1, 3, 19)], // PDT, -7
  ['Tue, 10 Jan 2023 12:00:00 America/Los_Angeles', Date.UTC(2023, 0, 10, 20, 0)], // PST, -8
  ['Sat, 01 Jul 2023 12:00:00 Europe/London', Date.UTC(2023, 6, 1, 11, 0)], // BST
  ['Sun, 01 Jan 2023 12:00:00 Europe/London', Date.UTC(2023, 0, 1, 12, 0)], // GMT
  ['Sat, 01 Jul 2023 12:00:00 Australia/Sydney', Date.UTC(2023, 6, 1, 2, 0)], // AEST, +10 (southern winter)
  ['Sun, 01 Jan 2023 12:00:00 Australia/Sydney', Date.UTC(2023, 0, 1, 1, 0)], // AEDT, +11
  ['Sun, 12 Mar 2023 01:59:59 America/New_York', Date.UTC(2023, 2, 12, 6, 59, 59)], // last second of EST
  ['Sun, 12 Mar 2023 03:00:00 America/New_York', Date.UTC(2023, 2, 12, 7, 0)], // first of EDT
  // 02:30 did not exist that night (clocks went 02:00 -> 03:00): read with the offset before, as a clock that was not changed yet would say.
  ['Sun, 12 Mar 2023 02:30:00 America/New_York', Date.UTC(2023, 2, 12, 7, 30)],
  // 01:30 happened twice (clocks went 02:00 -> 01:00): the first time, EDT.
  ['Sun, 05 Nov 2023 01:30:00 America/New_York', Date.UTC(2023, 10, 5, 5, 30)],
  ['2023-07-01T12:00:00 Europe/Berlin', Date.UTC(2023, 6, 1, 10, 0)],
  ['Sat, 01 Jul 2023 12:00:00 europe/berlin', Date.UTC(2023, 6, 1, 10, 0)],
];

describe('parseDate', () => {
  it.each(SAME_INSTANT)('%s (%s)', (input) => {
    expect(parseDate(input)).toBe(Date.UTC(2004, 0, 1, 19, 48, 21));
  });

  it.each(WITH_MILLIS)('milliseconds kept: %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each(ZONE_NAMES)('zone name: %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
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
    ['Sat, 01 Jul 2023 12:00:00 Mars/Olympus_Mons'],
    ['Sat, 01 Jul 2023 12:00:00 America/'],
    ['Sat, 01 Jul 2023 12:00:00 ../../etc/passwd'],
    ['2023-07-01T12:00:00 Not/A_Zone'],
    ['Tuesday, 31-Apr-25 10:00:00 GMT'],
  ])('%j is undefined', (input) => {
    expect(parseDate(input)).toBeUndefined();
  });

  it('undefined in, undefined out', () => {
    expect(parseDate(undefined)).toBeUndefined();
  });
});

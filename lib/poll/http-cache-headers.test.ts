import { describe, expect, it } from 'vitest';
import { parseCacheControlMaxAge, parseExpires, parseHttpDate } from './http-cache-headers';

const NOV_6_1994 = Date.UTC(1994, 10, 6, 8, 49, 37);
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

describe('parseHttpDate', () => {
  // One instant in every spelling RFC 9110 allows, plus the sloppy ones servers send.
  it.each([
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['RFC 850', 'Sunday, 06-Nov-94 08:49:37 GMT'],
    ['asctime', 'Sun Nov  6 08:49:37 1994'],
    ['asctime, two-digit day', 'Sun Nov 06 08:49:37 1994'],
    ['lowercase', 'sun, 06 nov 1994 08:49:37 gmt'],
    ['one-digit day', 'Sun, 6 Nov 1994 08:49:37 GMT'],
    ['UTC zone', 'Sun, 06 Nov 1994 08:49:37 UTC'],
    ['+0000 zone', 'Sun, 06 Nov 1994 08:49:37 +0000'],
    ['surrounding spaces', '  Sun, 06 Nov 1994 08:49:37 GMT  '],
    ['wrong weekday is tolerated', 'Mon, 06 Nov 1994 08:49:37 GMT'],
  ])('%s: %s', (_name, value) => {
    expect(parseHttpDate(value, NOW)).toBe(NOV_6_1994);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['empty', ''],
    ['a number', '0'],
    ['negative', '-1'],
    ['ISO 8601', '1994-11-06T08:49:37Z'],
    ['non-GMT zone', 'Sun, 06 Nov 1994 08:49:37 +0200'],
    ['31 February', 'Tue, 31 Feb 2015 08:00:00 GMT'],
    ['hour 24', 'Sun, 06 Nov 1994 24:00:00 GMT'],
    ['unknown month', 'Sun, 06 Foo 1994 08:49:37 GMT'],
    ['garbage', 'tomorrow, maybe'],
  ])('rejects %s', (_name, value) => {
    expect(parseHttpDate(value, NOW)).toBeUndefined();
  });

  it('places RFC 850 two-digit years within 50 years of now', () => {
    expect(parseHttpDate('Thursday, 01-Jan-70 00:00:00 GMT', NOW)).toBe(Date.UTC(2070, 0, 1));
    expect(parseHttpDate('Saturday, 01-Jan-76 00:00:00 GMT', NOW)).toBe(Date.UTC(1976, 0, 1));
    expect(parseHttpDate('Monday, 15-Jan-25 12:00:00 GMT', NOW)).toBe(NOW);
  });
});

describe('parseCacheControlMaxAge', () => {
  it.each<[string, string | null | undefined, number | undefined]>([
    ['absent', undefined, undefined],
    ['null', null, undefined],
    ['plain', 'max-age=3600', 3_600_000],
    ['with other directives', 'public, max-age=600, must-revalidate', 600_000],
    ['any case, spaces', 'Public,  MAX-AGE = 60 ', 60_000],
    ['quoted (invalid but common)', 'max-age="120"', 120_000],
    ['zero', 'max-age=0', 0],
    ['s-maxage is ignored', 's-maxage=86400', undefined],
    ['s-maxage before max-age', 's-maxage=86400, max-age=60', 60_000],
    ['first of duplicates wins', 'max-age=60, max-age=3600', 60_000],
    ['no-cache alone', 'no-cache', undefined],
    ['no-store alone', 'no-store', undefined],
    ['no-cache with max-age', 'no-cache, max-age=300', 300_000],
    ['negative', 'max-age=-1', undefined],
    ['fraction', 'max-age=1.5', undefined],
    ['empty value', 'max-age=', undefined],
    ['word value', 'max-age=forever', undefined],
    ['overflow is capped at 2^31 s', 'max-age=99999999999999', 2 ** 31 * 1000],
  ])('%s', (_name, header, expected) => {
    expect(parseCacheControlMaxAge(header)).toBe(expected);
  });
});

describe('parseExpires', () => {
  const inTwoHours = 'Wed, 15 Jan 2025 14:00:00 GMT';
  it.each<[string, string | null | undefined, string | null | undefined, number | undefined]>([
    ['absent', undefined, undefined, undefined],
    ['"0" means already expired: no floor', '0', undefined, undefined],
    ['"-1"', '-1', 'Wed, 15 Jan 2025 12:00:00 GMT', undefined],
    ['no Date header: our clock', inTwoHours, undefined, NOW + 2 * 3_600_000],
    ['unparseable Date header: our clock', inTwoHours, 'yesterday', NOW + 2 * 3_600_000],
    ['Date header agrees with us', inTwoHours, 'Wed, 15 Jan 2025 12:00:00 GMT', NOW + 2 * 3_600_000],
    // The server's clock is an hour ahead: its 14:00 is two hours after its 13:00 "now".
    ['Date header skewed +1 h', 'Wed, 15 Jan 2025 15:00:00 GMT', 'Wed, 15 Jan 2025 13:00:00 GMT', NOW + 2 * 3_600_000],
    ['in the past', 'Wed, 15 Jan 2025 11:00:00 GMT', 'Wed, 15 Jan 2025 12:00:00 GMT', NOW - 3_600_000],
  ])('%s', (_name, expires, date, expected) => {
    expect(parseExpires(expires, date, NOW)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const IN_AN_HOUR = NOW + 3_600_000;

describe('parseRetryAfter', () => {
  it.each<[string, string | null | undefined, number | undefined]>([
    ['absent', undefined, undefined],
    ['null', null, undefined],
    ['empty', '', undefined],
    ['delta-seconds', '120', NOW + 120_000],
    ['delta-seconds with spaces', ' 120 ', NOW + 120_000],
    ['zero', '0', NOW],
    ['a large delta', '604800', NOW + 604_800_000],
    ['IMF-fixdate', 'Wed, 15 Jan 2025 13:00:00 GMT', IN_AN_HOUR],
    ['RFC 850', 'Wednesday, 15-Jan-25 13:00:00 GMT', IN_AN_HOUR],
    ['asctime', 'Wed Jan 15 13:00:00 2025', IN_AN_HOUR],
    ['a date in the past is returned as is', 'Wed, 15 Jan 2025 11:00:00 GMT', NOW - 3_600_000],
    ['negative delta', '-120', undefined],
    ['fractional delta', '1.5', undefined],
    ['units', '120s', undefined],
    ['ISO 8601', '2025-01-15T13:00:00Z', undefined],
    ['garbage', 'later', undefined],
  ])('%s', (_name, value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it.each<[string, string | null | undefined, number]>([
    ['no Date header', undefined, IN_AN_HOUR],
    ['garbage Date header', 'soon', IN_AN_HOUR],
    // The server is 30 min ahead of us: its 13:00 is 30 min after its 12:30 "now".
    ['server clock ahead', 'Wed, 15 Jan 2025 12:30:00 GMT', NOW + 1_800_000],
    ['server clock behind', 'Wed, 15 Jan 2025 11:00:00 GMT', NOW + 7_200_000],
  ])('reads an HTTP-date relative to the Date header: %s', (_name, date, expected) => {
    expect(parseRetryAfter('Wed, 15 Jan 2025 13:00:00 GMT', NOW, date)).toBe(expected);
  });

  it('ignores the Date header for delta-seconds', () => {
    expect(parseRetryAfter('60', NOW, 'Wed, 15 Jan 2025 11:00:00 GMT')).toBe(NOW + 60_000);
  });
});

import { describe, expect, it } from 'vitest';
import { parseDuration } from './parse-duration.ts';

describe('parseDuration (itunes:duration and friends)', () => {
  it.each([
    ['3723', 3723],
    ['3723.4', 3723],
    ['01:02:03', 3723],
    ['1:02:03', 3723],
    ['1:2:3', 3723],
    ['62:03', 3723],
    ['00:24:37', 1477],
    ['PT1H2M3S', 3723],
    ['PT62M3S', 3723],
    ['pt45m', 2700],
    ['1h 2m 3s', 3723],
    ['1 hour 2 minutes 3 seconds', 3723],
    ['45 min', 2700],
    ['45 mins', 2700],
    [' 90 ', 90],
  ])('%j is %i seconds', (input, seconds) => {
    expect(parseDuration(input)).toBe(seconds);
  });

  it.each([[''], ['abc'], ['PT'], ['1:2:3:4'], ['-5'], [undefined]])('%j is undefined', (input) => {
    expect(parseDuration(input)).toBeUndefined();
  });
});

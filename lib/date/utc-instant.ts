/**
 * Epoch milliseconds for a calendar date and time at `offsetMinutes` east of UTC, or undefined
 * when a field is out of range (31 February is an error, never silently 3 March).
 */
export function utcInstant(
  year: number,
  month: number,
  day: number,
  hours = 0,
  minutes = 0,
  seconds = 0,
  millis = 0,
  offsetMinutes = 0,
): number | undefined {
  if (!Number.isFinite(year) || year < 1000 || year > 9999) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (hours > 24 || minutes > 59 || seconds > 60) return undefined;
  const local = Date.UTC(year, month - 1, day, hours, minutes, Math.min(seconds, 59), millis);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return undefined;
  return local - offsetMinutes * 60_000;
}

/** Milliseconds from the digits of a fraction of a second ("5" is 500, "123456" is 123: truncated, never rounded up into the next second). */
export function fractionMillis(digits: string | undefined): number {
  return digits ? Number(`${digits}00`.slice(0, 3)) : 0;
}

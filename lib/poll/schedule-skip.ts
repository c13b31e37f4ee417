const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The time moved out of an RSS skipHours/skipDays window, and which rule moved it. */
export interface SkipResult {
  at: number;
  movedBy?: 'skipHours' | 'skipDays' | 'skipDays, skipHours';
}

/**
 * Moves `at` to the start of the first hour allowed by RSS `<skipHours>`/`<skipDays>`, which
 * are in UTC (RSS 2.0 spec, and RSS Advisory Board best practices). Hour 24 is read as 0, as
 * some publishers count 1-24. A rule that skips every hour or every day is publisher error and
 * is ignored, or the feed would never be polled again.
 */
export function scheduleSkip(
  at: number,
  skipHours: readonly number[] = [],
  skipDays: readonly string[] = [],
): SkipResult {
  if (!Number.isFinite(at)) return { at };
  const hours = new Set(
    skipHours.filter((h) => Number.isInteger(h) && h >= 0 && h <= 24).map((h) => h % 24),
  );
  const days = new Set(
    skipDays.map((d) => DAY_NAMES.indexOf(d.trim().toLowerCase())).filter((d) => d >= 0),
  );
  if (hours.size >= 24) hours.clear();
  if (days.size >= 7) days.clear();

  let t = at;
  let byHours = false;
  let byDays = false;
  // Bounded: at most 23 hour jumps reach midnight, 6 day jumps an allowed day, and 23 more
  // hour jumps an allowed hour of it.
  for (let i = 0; i < 23 + 6 + 23 + 1; i++) {
    const date = new Date(t);
    if (days.has(date.getUTCDay())) {
      t = Math.floor(t / DAY) * DAY + DAY;
      byDays = true;
    } else if (hours.has(date.getUTCHours())) {
      t = Math.floor(t / HOUR) * HOUR + HOUR;
      byHours = true;
    } else {
      break;
    }
  }
  if (byDays && byHours) return { at: t, movedBy: 'skipDays, skipHours' };
  if (byDays) return { at: t, movedBy: 'skipDays' };
  if (byHours) return { at: t, movedBy: 'skipHours' };
  return { at: t };
}

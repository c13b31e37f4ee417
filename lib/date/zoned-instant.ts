// IANA names ("America/Los_Angeles", "Etc/GMT+5"): a letter first, then at least one "/part".
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){1,2}$/;
const DAY_MS = 86_400_000;

// One formatter per zone (creating one costs far more than using it); null for names Intl rejects.
// Bounded: a hostile feed can spell many zone names, real feeds use one or two.
const formatters = new Map<string, Intl.DateTimeFormat | null>();
const LIMIT = 64;

function formatterFor(zone: string): Intl.DateTimeFormat | undefined {
  if (!ZONE_NAME.test(zone)) return undefined;
  const key = zone.toLowerCase();
  let f = formatters.get(key);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      f = null; // RangeError: not a zone this runtime knows
    }
    if (formatters.size >= LIMIT) formatters.clear();
    formatters.set(key, f);
  }
  return f ?? undefined;
}

/** Minutes east of UTC in force in the zone at this instant. */
function offsetAt(f: Intl.DateTimeFormat, utcMs: number): number {
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(utcMs)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const local = Date.UTC(p['year'] ?? 0, (p['month'] ?? 1) - 1, p['day'] ?? 1, (p['hour'] ?? 0) % 24, p['minute'] ?? 0, p['second'] ?? 0);
  const wholeSecond = utcMs - (((utcMs % 1000) + 1000) % 1000);
  return Math.round((local - wholeSecond) / 60_000);
}

/** Whether this token could be an IANA zone name (cheap: no Intl call). */
export function looksLikeZoneName(token: string): boolean {
  return ZONE_NAME.test(token);
}

/**
 * The instant at which the wall clock of an IANA zone showed `localMs` (a local date-time
 * written as if it were UTC), with that zone's offset at that instant (daylight saving time
 * included), via Intl, which Node and the extension's worker both have. A time that happened
 * twice (clocks turned back) is the first of the two; a time that never happened (clocks
 * turned forward) is read with the offset in force just before, as Temporal's "compatible"
 * disambiguation does. Undefined for a name the runtime does not know.
 */
export function zonedInstant(localMs: number, zone: string): number | undefined {
  const f = formatterFor(zone);
  if (!f) return undefined;
  // Zones change offset at most once within a day or two: the offsets a day either side are the
  // only candidates, and a candidate is right when the zone's offset at it agrees.
  const before = offsetAt(f, localMs - DAY_MS);
  const after = offsetAt(f, localMs + DAY_MS);
  let best: number | undefined;
  for (const offset of before === after ? [before] : [before, after]) {
    const t = localMs - offset * 60_000;
    if (offsetAt(f, t) === offset && (best === undefined || t < best)) best = t;
  }
  return best ?? localMs - before * 60_000;
}

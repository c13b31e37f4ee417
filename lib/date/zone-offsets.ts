/**
 * Offsets from UTC, in minutes, of the zone names feeds write instead of numbers. RFC 822 names
 * the US ones and UT/GMT/Z; the rest (AT/ET/MT/PT, MET, CET, …) are what real feeds send.
 */
export const ZONE_OFFSETS: ReadonlyMap<string, number> = new Map([
  ['Z', 0], ['UT', 0], ['UTC', 0], ['GMT', 0], ['WET', 0], ['ETC/GMT', 0], ['ETC/UTC', 0],
  ['EST', -300], ['EDT', -240], ['CST', -360], ['CDT', -300],
  ['MST', -420], ['MDT', -360], ['PST', -480], ['PDT', -420],
  ['AT', -240], ['ET', -300], ['CT', -360], ['MT', -420], ['PT', -480],
  ['AST', -240], ['ADT', -180], ['NST', -210], ['NDT', -150],
  ['AKST', -540], ['AKDT', -480], ['HST', -600],
  ['BST', 60], ['IST', 60], ['WEST', 60], ['CET', 60], ['MET', 60], ['MEZ', 60],
  ['CEST', 120], ['MEST', 120], ['MESZ', 120], ['EET', 120], ['EEST', 180], ['MSK', 180],
  ['JST', 540], ['KST', 540], ['HKT', 480], ['SGT', 480], ['AWST', 480],
  ['ACST', 570], ['ACDT', 630], ['AEST', 600], ['AEDT', 660], ['NZST', 720], ['NZDT', 780],
]);

const NUMERIC_ZONE = /^(?:(?:GMT|UTC|UT)(?=[+-]))?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/** Minutes east of UTC for a zone token ("+0200", "-01:01", "GMT+1", "PDT"), or undefined. */
export function zoneOffset(token: string): number | undefined {
  const named = ZONE_OFFSETS.get(token.toUpperCase());
  if (named !== undefined) return named;
  const m = NUMERIC_ZONE.exec(token);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

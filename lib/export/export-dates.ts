/** How an exported Planet writes times: in UTC, as Planet does ("May 27, 2026 04:44 PM UTC"). */

const dayFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: true });

/** "May 27, 2026": a day heading of the exported page. */
export function utcDay(ms: number): string {
  return dayFormat.format(ms);
}

/** "May 27, 2026, 04:44 PM UTC": a post's time on the exported page. */
export function utcTime(ms: number): string {
  return `${timeFormat.format(ms)} UTC`;
}

/** A key equal for instants of the same UTC day (the export's day headings do not depend on the reader's zone). */
export function utcDayKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

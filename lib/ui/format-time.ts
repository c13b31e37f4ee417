/** How times read in the river: Planet-style day headings, clock times, relative ages. */

const dayFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });
const fullFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'long' });

/** "April 26, 2025" in the reader's time zone. */
export function dayHeading(ms: number): string {
  return dayFormat.format(ms);
}

/** A key that is equal for instants of the same local day. */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

/** "12:05 AM". */
export function clockTime(ms: number): string {
  return timeFormat.format(ms);
}

/** The full date and time, for a tooltip. */
export function fullTime(ms: number): string {
  return fullFormat.format(ms);
}

/** "just now", "5 min", "3 h", "2 d", "4 mo", "2 y". */
export function relativeAge(ms: number, now: number): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h`;
  const d = Math.round(h / 24);
  if (d < 31) return `${d} d`;
  const mo = Math.round(d / 30.4);
  if (mo < 12) return `${mo} mo`;
  return `${Math.round(d / 365.25)} y`;
}

/** "5 min ago", "just now": the age a post shows next to its title. */
export function agoText(ms: number, now: number): string {
  const age = relativeAge(ms, now);
  return age === 'just now' ? age : `${age} ago`;
}

/** A media time: "4:05", "1:02:03"; "--:--" when unknown. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

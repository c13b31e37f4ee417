/** The user's settings: their shape, defaults, and how a stored value is made valid. */
import type { BadgeStyle } from '../badge/badge-text';

/** Every setting Orrery has. */
export interface Settings {
  /** Default polling bounds (the adaptive interval stays within them), minutes. */
  minIntervalMinutes: number;
  maxIntervalMinutes: number;
  /** Retention per feed: the newest N posts, and posts younger than D days (0 = forever). */
  keepPostsPerFeed: number;
  keepDays: number;
  badge: BadgeStyle;
  /** Desktop notifications for new posts (off by default; per feed opt-in in the list). */
  notifications: boolean;
  theme: 'system' | 'light' | 'dark';
  /** Mark posts read as they scroll past in the timeline. */
  markReadOnScroll: boolean;
}

/** What a new install starts with. */
export const DEFAULT_SETTINGS: Settings = {
  minIntervalMinutes: 60,
  maxIntervalMinutes: 24 * 60,
  keepPostsPerFeed: 500,
  keepDays: 180,
  badge: 'count',
  notifications: false,
  theme: 'system',
  markReadOnScroll: false,
};

const clampInt = (v: unknown, lo: number, hi: number, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : fallback;

/** A valid Settings from whatever was stored (older versions, hand edits, nothing). */
export function normalizeSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const d = DEFAULT_SETTINGS;
  const min = clampInt(r.minIntervalMinutes, 15, 24 * 60, d.minIntervalMinutes);
  return {
    minIntervalMinutes: min,
    maxIntervalMinutes: clampInt(r.maxIntervalMinutes, min, 7 * 24 * 60, Math.max(min, d.maxIntervalMinutes)),
    keepPostsPerFeed: clampInt(r.keepPostsPerFeed, 10, 100_000, d.keepPostsPerFeed),
    keepDays: clampInt(r.keepDays, 0, 36_500, d.keepDays),
    badge: r.badge === 'dot' || r.badge === 'off' || r.badge === 'count' ? r.badge : d.badge,
    notifications: typeof r.notifications === 'boolean' ? r.notifications : d.notifications,
    theme: r.theme === 'light' || r.theme === 'dark' || r.theme === 'system' ? r.theme : d.theme,
    markReadOnScroll: typeof r.markReadOnScroll === 'boolean' ? r.markReadOnScroll : d.markReadOnScroll,
  };
}

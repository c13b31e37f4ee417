/** Forgetting saved podcast positions nobody will come back to, so storage does not grow forever. */
import type { Db } from '../db/open-db';
import { EPISODE_KEY_PREFIX, type EpisodeProgress } from './episode-store';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A finished episode is remembered this long: its post shows "Played" for a month, then the
 * post's own read state (set when the episode ended) says enough.
 */
export const FINISHED_KEEP_MS = 30 * DAY;
/**
 * A position left alone this long goes, even when its post is still there: half a year is
 * retention's default age for posts, and positions saved before they named their post can only
 * go by age.
 */
export const POSITION_MAX_AGE_MS = 180 * DAY;
/**
 * At most this many positions are kept, the newest: storage.local holds 10 MB (Chrome, without
 * the unlimitedStorage permission) shared with settings and Planets, and pruning reads every
 * position at once. 500 are about 100 KB, more than a year of a few podcasts.
 */
export const MAX_POSITIONS = 500;
/** Pruning runs at most once a day (when a page with the player opens). */
export const PRUNE_EVERY_MS = DAY;
const PRUNED_AT_KEY = 'episodesPrunedAt';

/** A saved position and whether its post still exists (undefined: the record names no post). */
export interface SavedEpisode {
  url: string;
  progress: EpisodeProgress;
  postExists: boolean | undefined;
}

/**
 * The URLs whose saved positions should go: finished more than {@link FINISHED_KEEP_MS} ago, of
 * a post that no longer exists (retention, unsubscribe), untouched for
 * {@link POSITION_MAX_AGE_MS}, and beyond the newest {@link MAX_POSITIONS}. Pure.
 */
export function episodesToPrune(saved: readonly SavedEpisode[], now: number): string[] {
  const drop = new Set<string>();
  const kept: SavedEpisode[] = [];
  for (const e of saved) {
    const at = Number.isFinite(e.progress.at) ? e.progress.at : 0;
    const gone = e.postExists === false || now - at > POSITION_MAX_AGE_MS || (e.progress.played && now - at > FINISHED_KEEP_MS);
    if (gone) drop.add(e.url);
    else kept.push(e);
  }
  kept.sort((a, b) => (b.progress.at || 0) - (a.progress.at || 0));
  for (const e of kept.slice(MAX_POSITIONS)) drop.add(e.url);
  return [...drop];
}

/** What pruning needs: the storage area holding the positions, the database, the clock. */
export interface PruneDeps {
  area: {
    get(keys: null | string): Promise<Record<string, unknown>>;
    remove(keys: string[]): Promise<void>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  db: Db;
  now: number;
  /** Prune even if it was done less than a day ago. */
  force?: boolean;
}

/** Removes the positions episodesToPrune names (at most once a day); returns how many went. */
export async function pruneEpisodes({ area, db, now, force = false }: PruneDeps): Promise<number> {
  const last = (await area.get(PRUNED_AT_KEY))[PRUNED_AT_KEY];
  if (!force && typeof last === 'number' && now - last >= 0 && now - last < PRUNE_EVERY_MS) return 0;
  const all = await area.get(null);
  const tx = db.transaction('posts');
  const saved = await Promise.all(
    Object.entries(all)
      .filter(([k]) => k.startsWith(EPISODE_KEY_PREFIX))
      .map(async ([k, v]): Promise<SavedEpisode> => {
        const url = k.slice(EPISODE_KEY_PREFIX.length);
        const progress = (typeof v === 'object' && v !== null ? v : {}) as EpisodeProgress;
        if (typeof progress.position !== 'number') return { url, progress: { position: 0, played: false, at: 0 }, postExists: false };
        const post = progress.post;
        const named = Array.isArray(post) && post.length === 2 && post.every((p) => typeof p === 'string');
        return { url, progress, postExists: named ? (await tx.store.getKey(post)) !== undefined : undefined };
      }),
  );
  await tx.done;
  const drop = episodesToPrune(saved, now);
  if (drop.length) await area.remove(drop.map((url) => EPISODE_KEY_PREFIX + url));
  await area.set({ [PRUNED_AT_KEY]: now });
  return drop.length;
}

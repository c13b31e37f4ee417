/** Where each podcast episode was left, and the listening speed, kept in extension storage. */
import { browser } from 'wxt/browser';

/** How far an episode was played. */
export interface EpisodeProgress {
  /** Seconds from the start. */
  position: number;
  duration?: number;
  /** Listened to the end. */
  played: boolean;
  /** When this was saved (epoch ms). */
  at: number;
  /** The post whose enclosure this is, [feedId, postId]: its position goes when the post does. */
  post?: [string, string];
}

/** The store's interface, so tests and pages can pass their own. */
export interface EpisodeStore {
  get(url: string): Promise<EpisodeProgress | undefined>;
  save(url: string, progress: Omit<EpisodeProgress, 'at'>): Promise<void>;
  rate(): Promise<number>;
  setRate(rate: number): Promise<void>;
}

type Area = Pick<typeof browser.storage.local, 'get' | 'set'>;

const RATE_KEY = 'playbackRate';
/** The prefix of every episode's key in storage. */
export const EPISODE_KEY_PREFIX = 'episode:';
/** One key per episode: reading one is O(1), and a saved position never rewrites the others. */
const key = (url: string) => `${EPISODE_KEY_PREFIX}${url}`;

/** Speeds offered by the player. */
export const RATES = [0.8, 1, 1.2, 1.5, 1.75, 2] as const;

/** An EpisodeStore over storage.local (or any area with get/set). */
export function createEpisodeStore(area: Area = browser.storage.local, now: () => number = Date.now): EpisodeStore {
  return {
    async get(url) {
      const got = (await area.get(key(url)))[key(url)] as EpisodeProgress | undefined;
      return got && typeof got.position === 'number' ? got : undefined;
    },
    async save(url, progress) {
      await area.set({ [key(url)]: { ...progress, at: now() } });
    },
    async rate() {
      const r = (await area.get(RATE_KEY))[RATE_KEY];
      return typeof r === 'number' && r >= 0.5 && r <= 3 ? r : 1;
    },
    async setRate(rate) {
      await area.set({ [RATE_KEY]: rate });
    },
  };
}

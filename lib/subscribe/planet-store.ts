/**
 * Planets: OPML lists fetched from a URL and kept in step with (new feeds added, removed
 * ones flagged). Kept in extension storage, a small list shared by the worker and the pages.
 */
import { browser } from 'wxt/browser';

/** One OPML list Orrery keeps the subscriptions in step with. */
export interface Planet {
  url: string;
  title: string;
  addedAt: number;
  /** The feed URLs the list had at the last sync: what "new" and "removed" are measured against. */
  feedUrls: string[];
  lastSyncAt?: number;
  /** What the last sync did or why it failed, in words. */
  lastResult?: string;
  lastOk?: boolean;
  etag?: string;
  lastModified?: string;
}

/** Where planets are kept (storage.local, or a fake in tests). */
export interface PlanetStore {
  list(): Promise<Planet[]>;
  save(planet: Planet): Promise<void>;
  remove(url: string): Promise<boolean>;
}

const KEY = 'planets';

/** The minimal storage area the store needs. */
export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** A planet store on a storage area (extension storage.local by default). */
export function createPlanetStore(area: StorageAreaLike = browser.storage.local): PlanetStore {
  const list = async (): Promise<Planet[]> => {
    const got = (await area.get(KEY))[KEY];
    return Array.isArray(got) ? got.filter((p): p is Planet => typeof p === 'object' && p !== null && typeof (p as Planet).url === 'string') : [];
  };
  return {
    list,
    async save(planet) {
      const all = await list();
      const i = all.findIndex((p) => p.url === planet.url);
      if (i >= 0) all[i] = planet;
      else all.push(planet);
      await area.set({ [KEY]: all });
    },
    async remove(url) {
      const all = await list();
      const rest = all.filter((p) => p.url !== url);
      await area.set({ [KEY]: rest });
      return rest.length !== all.length;
    },
  };
}

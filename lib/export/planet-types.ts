/** What a Planet export is built from: posts newest first, their feeds, and how content is cleaned. */
import type { StoredFeed, StoredPost } from '../db/types';

/** The input of every Planet renderer. */
export interface PlanetSource {
  /** The Planet's name ("Orrery: Python"). */
  title: string;
  /** Where the reader will publish it (http(s)), when they said; the feeds' self links. */
  address?: string;
  /** The export's instant: "Last update", lastBuildDate, Atom's updated. */
  now: number;
  /** Posts newest first (by sortKey). */
  posts: StoredPost[];
  /** The subscriptions in the export's scope, by id. */
  feeds: Map<string, StoredFeed>;
  /**
   * A post's content as safe HTML (the one lib/sanitize configuration, then web links only),
   * or undefined when it has none. Called once per post: the renderers share its result.
   */
  contentOf: (post: StoredPost) => string | undefined;
}

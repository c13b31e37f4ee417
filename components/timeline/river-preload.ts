/** A river's first page read before the page renders anything (the timeline's first screen). */
import { openOrreryDb } from '../../lib/db/open-db';
import type { RiverSource, SourcePage } from './river-source';
import { PAGE_SIZE } from './river-state';

/** A first page being read or read, for the river of source `id`. */
export interface Preloaded {
  id: string;
  page: Promise<SourcePage>;
  value?: SourcePage;
}

let preloaded: Preloaded | undefined;

/**
 * Starts reading a river's first page at once, before the page has rendered anything. The
 * first useRiver on the same source takes it: already read, its first render shows the posts
 * (the page's first frame has posts, not an empty river); still reading, it awaits it.
 * Resolves when the page is read or has failed (the river then shows the error).
 */
export function preloadFirstPage(source: RiverSource): Promise<void> {
  const page = openOrreryDb().then((db) => source.load(db, undefined, PAGE_SIZE));
  const entry: Preloaded = { id: source.id, page };
  preloaded = entry;
  return page.then(
    (value) => {
      performance.mark('orrery:first-page-read');
      entry.value = value;
    },
    () => undefined,
  );
}

/** The preloaded first page of `source`, once. */
export function takePreloaded(source: RiverSource): Preloaded | undefined {
  const p = preloaded;
  preloaded = undefined;
  return p?.id === source.id ? p : undefined;
}

/** Puts back a preloaded page taken too early (still reading, or empty): the river's first read takes it again. */
export function keepPreloaded(p: Preloaded): void {
  preloaded = p;
}

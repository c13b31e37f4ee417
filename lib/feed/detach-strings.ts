import type { ParsedFeed, ParsedItem } from './types.ts';

/**
 * A copy of `s` that does not share memory with the document it was cut from. V8 represents a
 * substring as a view on its parent, so one retained title would keep a whole 20 MB feed alive;
 * slicing a fresh concatenation forces a flat copy.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (` ${s}`).slice(1);
}

const ITEM_FIELDS = ['id', 'url', 'title', 'author', 'summary', 'contentHtml', 'imageUrl', 'transcriptUrl', 'chaptersUrl'] as const;

/** The feed with every string of every item detached from the source text (see detach). */
export function detachFeed(feed: ParsedFeed): ParsedFeed {
  return mapFeedStrings(feed, detach);
}

/** The feed with every string (the feed's and its items') replaced by `f` of it, in place. */
export function mapFeedStrings(feed: ParsedFeed, f: (s: string) => string): ParsedFeed {
  feed.title = f(feed.title);
  for (const item of feed.items) {
    for (const field of ITEM_FIELDS) {
      const value = item[field];
      if (value !== undefined) (item as Pick<ParsedItem, (typeof ITEM_FIELDS)[number]>)[field] = f(value);
    }
    item.categories = item.categories.map(f);
    for (const enc of item.enclosures) enc.url = f(enc.url);
  }
  for (const key of ['siteUrl', 'description', 'language', 'iconUrl'] as const) {
    const value = feed[key];
    if (value !== undefined) feed[key] = f(value);
  }
  return feed;
}

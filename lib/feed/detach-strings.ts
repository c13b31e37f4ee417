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
  feed.title = detach(feed.title);
  for (const item of feed.items) {
    for (const field of ITEM_FIELDS) {
      const value = item[field];
      if (value !== undefined) (item as Pick<ParsedItem, (typeof ITEM_FIELDS)[number]>)[field] = detach(value);
    }
    item.categories = item.categories.map(detach);
    for (const enc of item.enclosures) enc.url = detach(enc.url);
  }
  for (const key of ['siteUrl', 'description', 'language', 'iconUrl'] as const) {
    const value = feed[key];
    if (value !== undefined) feed[key] = detach(value);
  }
  return feed;
}

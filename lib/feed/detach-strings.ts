import type { ParsedFeed, ParsedItem } from './types.ts';

/**
 * A copy of `s` that does not share memory with the document it was cut from. V8 represents a
 * substring as a view on its parent, so one retained title would keep a whole 20 MB feed alive;
 * slicing a fresh concatenation forces a flat copy.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (` ${s}`).slice(1);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * `s` as a string of one byte per character when it is ASCII, else undefined. A slice of a
 * document holding one character beyond Latin-1 (a curly quote, an ellipsis) is stored two
 * bytes per character, whatever its own text: IndexedDB clones it so, and a put of such a post
 * took 1.7-1.9x the time of the same post in one-byte strings (2,000 posts of 7 KB in
 * Chromium). A UTF-8 round trip of ASCII text gives the one-byte copy (~45 µs for 7 KB).
 */
export function narrowAscii(s: string): string | undefined {
  return s.length >= 13 && !NON_ASCII.test(s) ? decoder.decode(encoder.encode(s)) : undefined;
}

const ITEM_FIELDS = ['id', 'url', 'title', 'author', 'summary', 'contentHtml', 'imageUrl', 'transcriptUrl', 'chaptersUrl'] as const;

/**
 * The feed with every string of every item copied out of the source text: ASCII text as
 * one-byte strings when the source is `wide` (holds a character beyond Latin-1, see
 * narrowAscii); other text detached when `whole` (see detach), else left as it is.
 */
export function detachFeed(feed: ParsedFeed, wide: boolean, whole = true): ParsedFeed {
  const copy = (s: string): string => (wide ? narrowAscii(s) : undefined) ?? (whole ? detach(s) : s);
  feed.title = copy(feed.title);
  for (const item of feed.items) {
    for (const field of ITEM_FIELDS) {
      const value = item[field];
      if (value !== undefined) (item as Pick<ParsedItem, (typeof ITEM_FIELDS)[number]>)[field] = copy(value);
    }
    item.categories = item.categories.map(copy);
    for (const enc of item.enclosures) enc.url = copy(enc.url);
  }
  for (const key of ['siteUrl', 'description', 'language', 'iconUrl'] as const) {
    const value = feed[key];
    if (value !== undefined) feed[key] = copy(value);
  }
  return feed;
}

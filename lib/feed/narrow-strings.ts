/**
 * Feed strings held at one byte per character whenever their text allows it. V8 keeps each
 * string either one byte (Latin-1) or two bytes per character, as a whole, and a string cut
 * from a document holds the document's width: one ellipsis or curly quote anywhere in a feed
 * makes every title and body cut from it two bytes per character, however plain its own text.
 * IndexedDB stores a string as it is held, so those posts were stored twice as large, and
 * Chromium's IndexedDB takes time in proportion (measured in Chromium: bare puts of 7 KB posts
 * 1,600 posts/s one byte per character against 725-800 two; with Orrery's indexes and ledger
 * 534-578 against 368-370). A copy through UTF-8 bytes comes back one byte per character.
 */

/** A character only a two-byte string can hold. */
const BEYOND_LATIN1 = /[^\0-\xff]/;
/** Shorter strings cost more to copy than they save. */
const MIN_LENGTH = 64;

const encoder = new TextEncoder();
// No BOM is dropped: a U+FEFF is beyond Latin-1 and never copied.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
let scratch = new Uint8Array(64 * 1024);

/** Whether `text` holds a character beyond Latin-1 (so every string cut from it is two bytes per character). */
export function isWide(text: string): boolean {
  return BEYOND_LATIN1.test(text);
}

/**
 * A one-byte-per-character copy of `s` (the same text, not sharing memory with its document),
 * or undefined when `s` is short or holds a character beyond Latin-1.
 */
export function narrowed(s: string): string | undefined {
  if (s.length < MIN_LENGTH || BEYOND_LATIN1.test(s)) return undefined;
  // A Latin-1 character is at most two bytes of UTF-8.
  if (scratch.length < s.length * 2) scratch = new Uint8Array(s.length * 2);
  const { written } = encoder.encodeInto(s, scratch);
  return decoder.decode(scratch.subarray(0, written));
}

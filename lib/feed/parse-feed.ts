import { decodeBytes } from '../charset/decode-bytes.ts';
import { parseXml } from '../xml/parse-xml.ts';
import type { ParsedFeed, ParseErrorCode, ParseOptions, ParseResult } from './types.ts';
import { detach, detachFeed, mapFeedStrings } from './detach-strings.ts';
import { isWide, narrowed } from './narrow-strings.ts';
import { parseAtom } from './parse-atom.ts';
import { parseJsonFeed } from './parse-json-feed.ts';
import { parseRss } from './parse-rss.ts';
import { formatOfRoot, sniffSyntax } from './sniff-format.ts';

const RELEASE_LAST_MATCH = /^/;
/** Documents up to this many characters cost less to keep alive than to copy out of. */
const DETACH_ABOVE = 1_000_000;

/** Larger inputs are refused outright ('too-large'): no feed needs 50 MB. */
export const MAX_FEED_BYTES = 50 * 1024 * 1024;
/** Items kept per parse unless options.maxItems says otherwise (the newest are kept). */
export const DEFAULT_MAX_ITEMS = 500;

const fail = (code: ParseErrorCode, message: string): ParseResult => ({ ok: false, error: { code, message: `feed: ${message}` } });

function parseText(text: string, url: string, maxItems: number): ParsedFeed | ParseResult {
  const syntax = sniffSyntax(text);
  if (syntax === 'json') {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      return fail('malformed', `invalid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    return parseJsonFeed(doc, url, maxItems) ?? fail('not-a-feed', 'JSON that is not a JSON Feed');
  }
  if (syntax !== 'xml') return fail('not-a-feed', 'neither XML nor JSON');
  const { root } = parseXml(text, url);
  if (!root) return fail('malformed', 'no XML element found');
  const format = formatOfRoot(root);
  if (format === 'atom') return parseAtom(root, maxItems);
  if (format === 'rss' || format === 'rdf') return parseRss(root, format, maxItems);
  return fail('not-a-feed', `root element <${root.name.slice(0, 40)}> is not RSS, Atom or RDF`);
}

/**
 * Parse feed bytes (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 1.0/0.3, JSON Feed 1.x) into the normalized
 * model. The format is sniffed from the content, the charset from BOM, HTTP header, prolog and
 * the bytes themselves. Never throws and never hangs: a typed error comes back only when nothing
 * usable could be read.
 */
export function parseFeed(bytes: Uint8Array, options: ParseOptions): ParseResult {
  try {
    if (bytes.length > MAX_FEED_BYTES) return fail('too-large', `${bytes.length} bytes is over the ${MAX_FEED_BYTES}-byte limit`);
    const { text } = decodeBytes(bytes, options.contentType);
    const requested = options.maxItems;
    const maxItems = requested === undefined || Number.isNaN(requested) ? DEFAULT_MAX_ITEMS : Math.max(0, Math.floor(requested));
    const parsed = parseText(text, options.url, maxItems);
    const large = text.length > DETACH_ABOVE;
    // A document with one character beyond Latin-1 makes every string cut from it two bytes
    // per character: those whose text allows it are copied at one (stored half the size, see
    // narrow-strings). Items of a large document are copied out of it, so they do not keep it
    // alive (see detach); a narrowed string is such a copy already.
    const result: ParsedFeed | ParseResult =
      'ok' in parsed
        ? parsed
        : isWide(text)
          ? mapFeedStrings(parsed, (s) => narrowed(s) ?? (large ? detach(s) : s))
          : large
            ? detachFeed(parsed)
            : parsed;
    // V8 keeps the subject of the last successful regex match (RegExp.input); that subject is a
    // slice of the document, which would keep the whole decoded feed alive until some other
    // regex ran. Matching a tiny string releases it.
    RELEASE_LAST_MATCH.exec('');
    return 'ok' in result ? result : { ok: true, feed: result };
  } catch (err) {
    // A bug of ours, not the publisher's: still a value, never an exception, for the caller.
    return fail('malformed', `parser error (${err instanceof Error ? err.message : String(err)})`);
  }
}

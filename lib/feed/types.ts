/** The normalized model every feed format is parsed into (stable: acceptance tests rely on it). */

/** One media file attached to a post (podcast audio, video, image). */
export interface ParsedEnclosure {
  url: string;
  type?: string;
  length?: number;
  durationSeconds?: number;
}

/** One post of a feed, whatever its source format. */
export interface ParsedItem {
  id: string;
  url?: string;
  title: string;
  author?: string;
  /** Epoch milliseconds, UTC. */
  published?: number;
  /** Epoch milliseconds, UTC. */
  updated?: number;
  /** HTML, URLs resolved, NOT sanitized. */
  summary?: string;
  /** HTML, URLs resolved, NOT sanitized. */
  contentHtml?: string;
  enclosures: ParsedEnclosure[];
  categories: string[];
  imageUrl?: string;
  /** Podcasting 2.0 podcast:transcript (the first one listed), resolved. */
  transcriptUrl?: string;
  /** Podcasting 2.0 podcast:chapters (JSON chapters file), resolved. */
  chaptersUrl?: string;
}

/** A whole feed after parsing. */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string;
  siteUrl?: string;
  /** Plain text (markup reduced to its text). */
  description?: string;
  language?: string;
  iconUrl?: string;
  items: ParsedItem[];
}

/** Why nothing usable could be read. */
export type ParseErrorCode = 'not-a-feed' | 'malformed' | 'too-large';

/** The outcome of parseFeed: never thrown, always returned. */
export type ParseResult =
  | { ok: true; feed: ParsedFeed }
  | { ok: false; error: { code: ParseErrorCode; message: string } };

/** Options for parseFeed. */
export interface ParseOptions {
  /** The feed's own URL: the last base for relative links. */
  url: string;
  /** The HTTP Content-Type header, when known (charset hint only). */
  contentType?: string;
  /** Most items to return, the newest kept (default 500). */
  maxItems?: number;
}

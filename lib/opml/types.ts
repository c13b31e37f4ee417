/** The shapes lib/opml reads and writes: a flat list of feeds, each with its folder path. */

/** One subscription from (or for) an OPML file. */
export interface OpmlFeed {
  /** Absolute http(s) URL of the feed (feed: already turned into http:). */
  url: string;
  /** Display name; never empty (falls back to the URL's host). */
  title: string;
  /** The site the feed belongs to (OPML htmlUrl), when it is a valid http(s) URL. */
  siteUrl?: string;
  /** Folder path, levels joined with ' / '; absent for top-level feeds. */
  folder?: string;
}

/** An outline that named a feed we cannot subscribe to, and why. */
export interface OpmlInvalidEntry {
  /** The outline's name, or its raw URL when it has none. */
  text: string;
  /** Human-readable reason, e.g. 'unsupported scheme "javascript:"'. */
  reason: string;
}

/** The outcome of parseOpml: never thrown, always returned. */
export type OpmlResult =
  | { ok: true; title?: string; feeds: OpmlFeed[]; invalid: OpmlInvalidEntry[] }
  | { ok: false; error: string };

/** Options for serializeOpml. */
export interface SerializeOpmlOptions {
  /** The <head><title> of the document. */
  title: string;
  /** Written as <dateCreated> (RFC 822, as OPML 2.0 asks) when given. */
  dateCreated?: Date;
}

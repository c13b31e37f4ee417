/** The shapes lib/discovery returns. */

/** The format a discovered feed claims to be (from its MIME type or URL); 'unknown' when it does not say. */
export type DiscoveredFeedType = 'rss' | 'atom' | 'rdf' | 'json' | 'unknown';

/** A feed found on a web page. */
export interface DiscoveredFeed {
  /** Absolute http(s) URL (relative and feed: hrefs already resolved). */
  url: string;
  /** The publisher's name for it (<link title>, or the anchor's text). */
  title?: string;
  type: DiscoveredFeedType;
  /**
   * 'link' for <link rel=alternate> (the publisher's own claim); 'anchor' for a guess from an <a>;
   * 'self' when the page itself is a feed shown raw; 'probe' for a well-known address that answered;
   * 'download' for a feed the browser saved instead of showing, opened from this page (Firefox).
   */
  source: 'link' | 'anchor' | 'self' | 'probe' | 'download';
}

/** The attributes of a <link> element that matter to discovery, as written (entities decoded). */
export interface RawFeedLink {
  rel?: string;
  type?: string;
  href?: string;
  title?: string;
}

/** The shapes subscribing returns to the pages: previews, grades, candidates, reports. */
import type { StoredFeed, StoredPost } from '../db/types';
import type { DiscoveredFeedType } from '../discovery/types';

/** How much of each post a feed carries. */
export type ContentDepth = 'full' | 'summary' | 'titles';

/** What Orrery can tell about a feed before subscribing to it. */
export interface FeedGrade {
  /** 'RSS 2.0', 'Atom 1.0', 'RSS 1.0 (RDF)', 'JSON Feed 1.1'… */
  format: string;
  content: ContentDepth;
  /** Newest post date, epoch ms (undefined when no post is dated). */
  lastPostAt?: number;
  /** Posts per week over the recent posts (undefined with fewer than two dated posts). */
  postsPerWeek?: number;
  /** The cadence in words ("about 3 posts a week", "rarely"). */
  cadence: string;
  /** Validators the server sent: checks cost almost nothing when they are there. */
  etag: boolean;
  lastModified: boolean;
  itemCount: number;
  /** Posts with an audio or video enclosure (a podcast). */
  episodes: number;
  /** Size of the response body. */
  bytes: number;
}

/** One post as the preview shows it (plain text only: nothing here is rendered as HTML). */
export interface PreviewPost {
  title: string;
  url?: string;
  published?: number;
  excerpt: string;
}

/** A feed fetched and read, held in the background until the user confirms. */
export interface FeedPreview {
  /** Hands the held response to confirm-subscribe (it expires; confirming then refetches). */
  token: string;
  /** The feed's URL as it will be subscribed (after redirects). */
  url: string;
  /** When the feed was found through a page: that page. */
  foundOn?: string;
  title: string;
  siteUrl?: string;
  description?: string;
  grade: FeedGrade;
  posts: PreviewPost[];
  /** Set when this feed is subscribed already. */
  subscribed?: { feedId: string; title: string };
}

/** A feed a site offers, for the user to choose from. */
export interface FeedCandidate {
  url: string;
  title?: string;
  type: DiscoveredFeedType;
  subscribed?: { feedId: string; title: string };
}

/** The answer to "what is at this address?". */
export type PreviewReply =
  | { kind: 'feed'; preview: FeedPreview }
  | { kind: 'choices'; pageUrl: string; pageTitle?: string; candidates: FeedCandidate[] }
  | { kind: 'opml'; url: string; title?: string; feedCount: number }
  | { kind: 'error'; error: string };

/** The feed and posts an unsubscribe removed, handed back for undo. */
export interface RemovedFeed {
  feed: StoredFeed;
  posts: StoredPost[];
}

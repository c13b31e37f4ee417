/** Records stored in IndexedDB. Booleans are 0/1 because IndexedDB cannot index booleans. */
import type { ParsedEnclosure } from '../feed/types';

/** Why a feed is (not) polled. */
export type FeedState = 'active' | 'gone' | 'paused';

/** What the last fetch of a feed ended with. */
export type FetchStatusKind =
  | 'ok'
  | 'not-modified'
  | 'http-error'
  | 'network-error'
  | 'timeout'
  | 'parse-error'
  | 'not-a-feed'
  | 'too-large'
  | 'gone'
  | 'rate-limited'
  | 'redirect-loop'
  /** Fetched, but IndexedDB refused to store it: quota spent or disk full. */
  | 'storage-full'
  /** Fetched, but IndexedDB refused to store it for another reason. */
  | 'storage-error';

/** A subscription and everything the poller knows about it. */
export interface StoredFeed {
  id: string;
  url: string;
  title: string;
  siteUrl?: string;
  /** Folder name, '' for none. */
  folder: string;
  state: FeedState;
  addedAt: number;
  /** Validators, stored verbatim as the server sent them. */
  etag?: string;
  lastModified?: string;
  /** Schedule. */
  nextCheckAt: number;
  intervalMs: number;
  scheduleReason: string;
  overrideMinutes?: number;
  /** Set after a 429/503: not even "refresh now" asks before this instant. */
  retryAfterUntil?: number;
  ttlMinutes?: number;
  /** Newest publication times seen in the feed (for the posting cadence), newest first. */
  postTimes?: number[];
  skipHours?: number[];
  skipDays?: string[];
  /** Fetch history. */
  lastFetchAt?: number;
  lastStatus?: FetchStatusKind;
  lastHttpStatus?: number;
  lastMessage?: string;
  errorCount: number;
  fetchCount: number;
  notModifiedCount: number;
  bytesReceived: number;
  /** Body size of the last full (200) response: what each 304 saves, roughly. */
  lastBodyBytes?: number;
  /** Desktop notifications for this feed's new posts (the global setting must be on too). */
  notify?: boolean;
  /** Only posts first seen after this instant notify (set when notifications are turned on). */
  notifyFrom?: number;
  /** Set when a Planet kept in step (an OPML URL) stopped listing this feed. */
  leftPlanet?: { url: string; title: string; at: number };
  /** The sync service's stream id (`feed/12`): its posts come from the service, Orrery does not poll it. */
  syncId?: string;
  /** The sync service could not add this feed: it stays local-only (polled by Orrery), with the reason. */
  syncLocalOnly?: string;
  /** "Always load full articles": each new post's page is fetched and its article extracted. */
  fulltext?: boolean;
}

/** One post as stored. Key: [feedId, id]. */
export interface StoredPost {
  feedId: string;
  id: string;
  url?: string;
  title: string;
  author?: string;
  published?: number;
  updated?: number;
  firstSeen: number;
  /** published, else firstSeen: the instant the river sorts by. */
  sortKey: number;
  summary?: string;
  contentHtml?: string;
  enclosures: ParsedEnclosure[];
  categories: string[];
  imageUrl?: string;
  read: 0 | 1;
  starred: 0 | 1;
  /** Folder of the feed, denormalized so per-folder counts are one index count. */
  folder: string;
  /** Last time the stored copy changed. */
  updatedAt: number;
  /** The sync service's item id (decimal), for posts that came from or were matched to it. */
  syncItemId?: string;
  /** The full article of the post's page: extracted (the text is in the articles store) or why not. */
  article?: ArticleMark;
  /** Id of the mute rule that hid this post (lib/rules); the river shows it only on demand. */
  hiddenBy?: string;
  /** Id of the highlight rule that matched this post (lib/rules). */
  highlightBy?: string;
  /** A folded copy (lib/dedupe): the key of the post the river shows in its place. */
  dupOf?: [string, string];
  /** The folded copies of this post in other feeds ("also in"), by key. */
  alsoIn?: [string, string][];
  /** Keys that find this post's copies in other feeds (lib/dedupe/dup-keys.ts), set at ingest. */
  dupKeys?: string[];
  /**
   * The post's keys in the river's sparse multiEntry index byRiver, present only while the
   * river shows it (no rule hid it, not a folded copy): [RIVER_ALL, sortKey] in everything,
   * [RIVER_FOLDER + folder, sortKey] in its folder, [RIVER_STARRED, sortKey] if starred (see
   * lib/db/river-keys.ts). Set by lib/db/post-writes.ts on every write; never set elsewhere.
   */
  riverKeys?: [string, number][];
}

/** What became of loading a post's full article (small: it travels with every river page). */
export interface ArticleMark {
  state: 'ok' | 'failed';
  at: number;
  /** Why it failed, in the reader's words. */
  message?: string;
}

/** A full article extracted from a post's page (lib/fulltext). Key: [feedId, id], as its post. */
export interface StoredArticle {
  feedId: string;
  id: string;
  /** The page the article came from (after redirects). */
  url: string;
  /** The article's HTML: repaired, URLs absolute, NOT sanitized (that happens at render time). */
  html: string;
  /** Its plain text, for search. */
  text: string;
  fetchedAt: number;
}

/** The state of a "refresh now" run, persisted so a restarted worker resumes it. */
export interface RefreshRun {
  startedAt: number;
  total: number;
  done: number;
  finishedAt?: number;
}

/** Unread counts kept up to date by every write (IndexedDB counts by walking: too slow). */
export interface UnreadCounts {
  /** Unread posts. */
  total: number;
  /** Stored posts, read or not. */
  posts?: number;
  feeds: Record<string, number>;
  folders: Record<string, number>;
}

/** A local change waiting for the sync service. Keyed so a later change replaces an earlier one. */
export type SyncQueueEntry =
  /** Read or starred set on one item; key `read:<itemId>` or `starred:<itemId>`. */
  | { key: string; kind: 'state'; tag: 'read' | 'starred'; itemId: string; on: boolean; at: number }
  /** A synced subscription renamed or moved; key `edit:<streamId>`. */
  | { key: string; kind: 'edit'; streamId: string; title?: string; folder?: string; oldFolder?: string; at: number }
  /** A synced subscription removed; key `unsubscribe:<streamId>`. */
  | { key: string; kind: 'unsubscribe'; streamId: string; url: string; at: number };

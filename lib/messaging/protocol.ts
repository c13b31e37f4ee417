/**
 * The one message protocol between pages, content scripts and the background worker.
 * Every request names its reply type; the background checks who sent it.
 */
import { browser } from 'wxt/browser';
import type { ReadScope } from '../db/mark-scope-read';
import type { DiscoveredFeed } from '../discovery/types';
import type { FeedChanges } from '../db/feeds';
import type { ConfirmResult } from '../subscribe/confirm-subscription';
import type { Planet } from '../subscribe/planet-store';
import type { SyncSummary, UrlImportResult } from '../subscribe/planets';
import type { FeedCandidate, FeedPreview, PreviewReply, RemovedFeed } from '../subscribe/types';
import type { SaveFailureState } from '../poll/save-failures';
import type { SyncAccount } from '../sync/greader-client';
import type { SyncStatus } from '../sync/sync-store';
import type { BrowserSyncStatus } from '../sync/browser-sync-store';
import type { ApplyReport } from '../rules/apply-rules-to-stored';
import type { Rule } from '../rules/types';

/** Result of an OPML import, shown to the user. */
export interface ImportReport {
  added: number;
  skipped: { url: string; reason: string }[];
  failed: { text: string; reason: string }[];
  /** The list's own title (OPML <head><title>). */
  title?: string;
  /** The addedAt of every feed this import added (to follow their first fetches). */
  importedAt?: number;
  /** Feeds added per folder ('' for none), in the list's order. */
  folders?: { name: string; count: number }[];
  /** The first fetches of the added feeds are spread over this long. */
  firstPollsOverMs?: number;
}

/** Progress of a "refresh now". */
export interface RefreshProgress {
  running: boolean;
  /** When the current or last "refresh now" started (0: never). */
  startedAt: number;
  done: number;
  total: number;
}

/** Requests from extension pages (popup, timeline, options). */
export type PageRequest =
  | { type: 'refresh-all' }
  | { type: 'get-refresh-progress' }
  | { type: 'get-save-failures' }
  | { type: 'subscribe'; url: string; title?: string; folder?: string }
  | { type: 'unsubscribe'; feedId: string }
  | { type: 'import-opml'; text: string; importId?: string }
  | { type: 'import-opml-url'; url: string; keepInSync: boolean; importId?: string }
  | { type: 'preview-feed'; url: string; probe?: boolean }
  | { type: 'confirm-subscribe'; token?: string; url: string; title?: string; folder?: string }
  | { type: 'update-feed'; feedId: string; changes: FeedChanges }
  | { type: 'restore-feed'; removed: RemovedFeed }
  | { type: 'probe-tab'; tabId: number }
  | { type: 'list-planets' }
  | { type: 'sync-planet'; url: string }
  | { type: 'forget-planet'; url: string }
  | { type: 'set-read'; keys: [string, string][]; read: boolean }
  | { type: 'set-starred'; key: [string, string]; starred: boolean }
  | { type: 'mark-all-read'; feedId?: string }
  | { type: 'mark-scope-read'; scope: ReadScope }
  | { type: 'get-tab-feeds'; tabId: number }
  | { type: 'load-article'; key: [string, string] }
  | { type: 'set-feed-fulltext'; feedId: string; on: boolean }
  | { type: 'save-rules'; rules: Rule[] }
  | { type: 'apply-rules' }
  | SyncRequest;

/** Requests of the options page's Sync sections (a Google Reader service; the browser's own sync). */
export type SyncRequest = { type: 'sync-connect'; account: SyncAccount } | { type: 'sync-now' } | { type: 'sync-disconnect' } | { type: 'browser-sync-set'; on: boolean };

/** Requests a content script may send (and nothing else). */
export type ContentRequest = { type: 'feeds-detected'; feeds: DiscoveredFeed[]; pageUrl?: string };

/** Any request. */
export type Request = PageRequest | ContentRequest;

/** The reply type of each request. */
export interface ReplyMap {
  'refresh-all': RefreshProgress;
  'get-refresh-progress': RefreshProgress;
  /** Feed statuses the database refused to store (storage full), kept by the worker. */
  'get-save-failures': SaveFailureState;
  subscribe: { ok: true; feedId: string; title?: string; preview?: FeedPreview } | { ok: false; error: string; choices?: FeedCandidate[]; pageUrl?: string };
  /** `removed` hands the feed and its posts back, so 'restore-feed' can undo. */
  unsubscribe: { ok: boolean; removed?: RemovedFeed };
  'import-opml': { ok: true; report: ImportReport } | { ok: false; error: string };
  'import-opml-url': UrlImportResult;
  'preview-feed': PreviewReply;
  'confirm-subscribe': ConfirmResult;
  'update-feed': { ok: boolean; error?: string };
  'restore-feed': { ok: boolean; error?: string };
  'probe-tab': { ok: true; feeds: DiscoveredFeed[]; found: number } | { ok: false; error: string };
  'list-planets': Planet[];
  'sync-planet': { ok: true; summary: SyncSummary } | { ok: false; error: string };
  'forget-planet': { ok: boolean };
  'set-read': { changed: number };
  'set-starred': { ok: boolean };
  'mark-all-read': { keys: [string, string][] };
  /** The keys changed, so 'set-read' with read: false can undo it. */
  'mark-scope-read': { keys: [string, string][] };
  'get-tab-feeds': DiscoveredFeed[];
  /** The full article was stored beside the post, or why not (the post keeps its summary). */
  'load-article': { ok: true } | { ok: false; message: string };
  'set-feed-fulltext': { ok: boolean };
  'feeds-detected': { ok: boolean };
  'sync-connect': { ok: true; user: string } | { ok: false; error: string };
  'sync-now': SyncStatus;
  'sync-disconnect': { ok: boolean };
  /** The browser's own sync turned on (a merge runs at once) or off. */
  'browser-sync-set': BrowserSyncStatus;
  /** A rule with a bad pattern is refused (nothing is saved) with the reason, by rule id. */
  'save-rules': { ok: true } | { ok: false; errors: Record<string, string> };
  'apply-rules': ApplyReport;
}

/** The reply to request R. */
export type Reply<R extends Request> = ReplyMap[R['type']];

/** Every reply may instead be an error the handler caught. */
export type ErrorReply = { error: string };

/** Sends a request to the background and awaits its typed reply. */
export async function send<R extends Request>(request: R): Promise<Reply<R>> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<R> | ErrorReply | undefined;
  if (reply === undefined) throw new Error(`messaging: no reply to ${request.type}`);
  if (typeof reply === 'object' && reply !== null && 'error' in reply && Object.keys(reply).length === 1) {
    throw new Error(`messaging: ${request.type} failed: ${(reply as ErrorReply).error}`);
  }
  return reply as Reply<R>;
}

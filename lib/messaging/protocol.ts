/**
 * The one message protocol between pages, content scripts and the background worker.
 * Every request names its reply type; the background checks who sent it.
 */
import { browser } from 'wxt/browser';
import type { ReadScope } from '../db/mark-scope-read';
import type { DiscoveredFeed } from '../discovery/types';

/** Result of an OPML import, shown to the user. */
export interface ImportReport {
  added: number;
  skipped: { url: string; reason: string }[];
  failed: { text: string; reason: string }[];
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
  | { type: 'subscribe'; url: string; title?: string; folder?: string }
  | { type: 'unsubscribe'; feedId: string }
  | { type: 'import-opml'; text: string }
  | { type: 'set-read'; keys: [string, string][]; read: boolean }
  | { type: 'set-starred'; key: [string, string]; starred: boolean }
  | { type: 'mark-all-read'; feedId?: string }
  | { type: 'mark-scope-read'; scope: ReadScope }
  | { type: 'get-tab-feeds'; tabId: number };

/** Requests a content script may send (and nothing else). */
export type ContentRequest = { type: 'feeds-detected'; feeds: DiscoveredFeed[] };

/** Any request. */
export type Request = PageRequest | ContentRequest;

/** The reply type of each request. */
export interface ReplyMap {
  'refresh-all': RefreshProgress;
  'get-refresh-progress': RefreshProgress;
  subscribe: { ok: true; feedId: string } | { ok: false; error: string };
  unsubscribe: { ok: boolean };
  'import-opml': { ok: true; report: ImportReport } | { ok: false; error: string };
  'set-read': { changed: number };
  'set-starred': { ok: boolean };
  'mark-all-read': { keys: [string, string][] };
  /** The keys changed, so 'set-read' with read: false can undo it. */
  'mark-scope-read': { keys: [string, string][] };
  'get-tab-feeds': DiscoveredFeed[];
  'feeds-detected': { ok: boolean };
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

/** The background's handler map: one function per request type. */
import type { Db } from '../db/open-db';
import { removeFeed } from '../db/feeds';
import { markScopeRead } from '../db/mark-scope-read';
import { markAllRead, setRead, setStarred } from '../db/posts';
import type { DiscoveredFeed } from '../discovery/types';
import type { Poller } from '../poll/create-poller';
import { importOpml } from '../subscribe/import-opml';
import { subscribeToUrl } from '../subscribe/subscribe-url';
import type { SenderInfo } from './check-sender';
import type { Reply, Request } from './protocol';

/** What the handlers need, injected by the background entrypoint. */
export interface HandlerDeps {
  db: () => Promise<Db>;
  fetch: typeof fetch;
  now: () => number;
  poller: Poller;
  /** Recount unread posts and update the badge. */
  refreshBadge: () => Promise<void>;
  setTabFeeds: (tabId: number, feeds: DiscoveredFeed[]) => Promise<void>;
  getTabFeeds: (tabId: number) => Promise<DiscoveredFeed[]>;
}

/** A handler for request type K. */
export type Handler<K extends Request['type']> = (
  req: Extract<Request, { type: K }>,
  sender: SenderInfo,
) => Promise<Reply<Extract<Request, { type: K }>>>;

/** Every request type mapped to its handler. */
export type Handlers = { [K in Request['type']]: Handler<K> };

/** Builds the handler map. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'refresh-all': () => deps.poller.refreshAll(),
    'get-refresh-progress': () => deps.poller.progress(),
    subscribe: async (req) => {
      const db = await deps.db();
      const result = await subscribeToUrl(
        req.url,
        { ...(req.title ? { title: req.title } : {}), ...(req.folder ? { folder: req.folder } : {}) },
        { db, fetch: deps.fetch, now: deps.now },
      );
      if (result.ok) await deps.refreshBadge();
      return result.ok ? { ok: true, feedId: result.feedId } : result;
    },
    unsubscribe: async (req) => {
      const removed = await removeFeed(await deps.db(), req.feedId);
      await deps.refreshBadge();
      return { ok: removed !== undefined };
    },
    'import-opml': async (req) => {
      const result = await importOpml(await deps.db(), req.text, deps.now());
      if (result.ok) void deps.poller.pollDue();
      return result;
    },
    'set-read': async (req) => {
      const changed = await setRead(await deps.db(), req.keys, req.read);
      await deps.refreshBadge();
      return { changed };
    },
    'set-starred': async (req) => {
      await setStarred(await deps.db(), req.key, req.starred);
      return { ok: true };
    },
    'mark-all-read': async (req) => {
      const keys = await markAllRead(await deps.db(), req.feedId);
      await deps.refreshBadge();
      return { keys };
    },
    'mark-scope-read': async (req) => {
      const keys = await markScopeRead(await deps.db(), req.scope);
      await deps.refreshBadge();
      return { keys };
    },
    'get-tab-feeds': (req) => deps.getTabFeeds(req.tabId),
    'feeds-detected': async (req, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false };
      await deps.setTabFeeds(tabId, sanitizeDetected(req.feeds));
      return { ok: true };
    },
  };
}

/** A content script runs in a hostile page: keep only well-formed http(s) feed entries. */
function sanitizeDetected(feeds: unknown): DiscoveredFeed[] {
  if (!Array.isArray(feeds)) return [];
  const out: DiscoveredFeed[] = [];
  for (const f of feeds.slice(0, 50)) {
    if (typeof f !== 'object' || f === null) continue;
    const { url, title, type, source } = f as Record<string, unknown>;
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url) || url.length > 2048) continue;
    out.push({
      url,
      ...(typeof title === 'string' && title ? { title: title.slice(0, 200) } : {}),
      type: type === 'rss' || type === 'atom' || type === 'rdf' || type === 'json' ? type : 'unknown',
      source: source === 'anchor' ? 'anchor' : 'link',
    });
  }
  return out;
}

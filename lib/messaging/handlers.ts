/** The background's handler map: one function per request type. */
import { markScopeRead } from '../db/mark-scope-read';
import { markAllRead, setRead, setStarred } from '../db/posts';
import type { ArticleLoader } from '../fulltext/article-loader';
import { createRuleHandlers } from '../rules/rule-handlers';
import { createPlanetStore } from '../subscribe/planet-store';
import { createPreviewCache } from '../subscribe/preview-cache';
import { createSubscribingHandlers } from '../subscribe/subscribe-handlers';
import { announceChange } from './changes';
import type { SenderInfo } from './check-sender';
import type { WorkerDeps } from './worker-deps';
import type { Reply, Request, SyncRequest } from './protocol';

/** What the handlers need, injected by the background entrypoint. */
export type HandlerDeps = WorkerDeps & { articles: ArticleLoader };

/** A handler for request type K. */
export type Handler<K extends Request['type']> = (
  req: Extract<Request, { type: K }>,
  sender: SenderInfo,
) => Promise<Reply<Extract<Request, { type: K }>>>;

/** Every request type mapped to its handler. */
export type Handlers = { [K in Request['type']]: Handler<K> };

/** Builds the handler map (the Sync section's handlers come from lib/sync/sync-handlers). */
export function createHandlers(deps: HandlerDeps): Omit<Handlers, SyncRequest['type']> {
  return {
    'refresh-all': () => deps.poller.refreshAll(),
    'get-refresh-progress': () => deps.poller.progress(),
    'get-save-failures': () => deps.poller.saveFailures(),
    // Subscribing, previews, managing subscriptions, OPML, Planets and tab feeds.
    ...createSubscribingHandlers({ ...deps, previews: createPreviewCache({ now: deps.now }), planets: createPlanetStore() }),
    'set-read': async (req) => {
      const changed = await setRead(await deps.db(), req.keys, req.read);
      await deps.refreshBadge();
      return { changed };
    },
    'set-starred': async (req) => {
      await setStarred(await deps.db(), req.key, req.starred);
      announceChange(); // other open pages show the star too
      return { ok: true };
    },
    'mark-all-read': async (req) => {
      const keys = await markAllRead(await deps.db(), req.feedId);
      await deps.refreshBadge();
      return { keys };
    },
    'load-article': (req) => deps.articles.load(req.key),
    'set-feed-fulltext': async (req) => ({ ok: await deps.articles.setAlways(req.feedId, req.on) }),
    // Rules: saved with their patterns checked, applied to stored posts on request.
    ...createRuleHandlers(deps),
    'mark-scope-read': async (req) => {
      const keys = await markScopeRead(await deps.db(), req.scope);
      await deps.refreshBadge();
      return { keys };
    },
  };
}

/**
 * After a page changes the subscription list (subscribe, import, unsubscribe, undo, rename,
 * move, settings, a Planet kept in step, a Google Reader pass or disconnect), the browser's
 * own sync merges shortly. Wrapping the handler map keeps it out of those code paths.
 */
import type { Handlers } from '../messaging/handlers';
import type { BrowserSync } from './create-browser-sync';

/** The requests that may change a subscription or its settings. */
export const LIST_CHANGING = [
  'subscribe',
  'confirm-subscribe',
  'unsubscribe',
  'restore-feed',
  'update-feed',
  'import-opml',
  'import-opml-url',
  'sync-planet',
  'set-feed-fulltext',
  'sync-now',
  'sync-disconnect',
] as const satisfies readonly (keyof Handlers)[];

/** Returns the handlers with a debounced merge after each list-changing request. */
export function withBrowserSyncHooks(handlers: Handlers, browserSync: Pick<BrowserSync, 'soon'>): Handlers {
  const out: Handlers = { ...handlers };
  for (const type of LIST_CHANGING) {
    const base = handlers[type] as (req: unknown, sender: unknown) => Promise<unknown>;
    (out as Record<string, unknown>)[type] = async (req: unknown, sender: unknown) => {
      try {
        return await base(req, sender);
      } finally {
        browserSync.soon();
      }
    };
  }
  return out;
}

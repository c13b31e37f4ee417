/** What the background's services share, injected by the entrypoint (fakes in tests). */
import type { Db } from '../db/open-db';
import type { Poller } from '../poll/create-poller';
import type { TabFeeds } from '../tab-feeds/tab-feeds';

/** The background worker's shared dependencies. */
export interface WorkerDeps {
  db: () => Promise<Db>;
  /** The worker's polite fetch (one request per host at a time). */
  fetch: typeof fetch;
  now: () => number;
  poller: Poller;
  /** Recount unread posts and update the badge. */
  refreshBadge: () => Promise<void>;
  /** Feeds detected per tab, and the toolbar button's state for each tab. */
  tabFeeds: TabFeeds;
}

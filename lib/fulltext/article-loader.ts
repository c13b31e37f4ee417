/**
 * The worker's article loader: one load per post at a time (a second click joins the first),
 * and the "always load full articles" feeds' new posts loaded one after another.
 */
import { postsWithoutArticle, setFeedFulltext, type PostKey } from './article-store';
import { loadArticle, type ArticleDeps, type LoadReply } from './load-article';

/** How many of a feed's newest posts "always" loads at once (after a poll or when turned on). */
export const ALWAYS_NEWEST = 10;

/** What the worker's handlers call. */
export interface ArticleLoader {
  /** Loads one post's article (the reader's button). */
  load(key: PostKey): Promise<LoadReply>;
  /** Loads the newest posts of a feed that have no article yet, if the feed wants full articles. */
  loadFeed(feedId: string): Promise<number>;
  /** Turns "always load full articles" on or off; on loads the newest posts. */
  setAlways(feedId: string, on: boolean): Promise<boolean>;
}

/** Creates the loader. */
export function createArticleLoader(deps: ArticleDeps): ArticleLoader {
  const inFlight = new Map<string, Promise<LoadReply>>();
  const feedRuns = new Map<string, Promise<number>>();
  const load = (key: PostKey): Promise<LoadReply> => {
    const k = JSON.stringify(key);
    let p = inFlight.get(k);
    if (!p) {
      p = loadArticle(deps, key).finally(() => inFlight.delete(k));
      inFlight.set(k, p);
    }
    return p;
  };
  const runFeed = async (feedId: string): Promise<number> => {
    const db = await deps.db();
    const feed = await db.get('feeds', feedId);
    if (!feed?.fulltext) return 0;
    const posts = await postsWithoutArticle(db, feedId, ALWAYS_NEWEST);
    let loaded = 0;
    // One after another: the host limiter would serialize them anyway, and the feed's host
    // stays free for the reader's own click meanwhile.
    for (const p of posts) if ((await load([p.feedId, p.id])).ok) loaded++;
    return loaded;
  };
  const loadFeed = (feedId: string): Promise<number> => {
    // A run already going for this feed takes the newest posts when it reads them: one more waits for it.
    const prev = feedRuns.get(feedId) ?? Promise.resolve(0);
    const next = prev.catch(() => 0).then(() => runFeed(feedId));
    feedRuns.set(feedId, next);
    void next.finally(() => feedRuns.get(feedId) === next && feedRuns.delete(feedId)).catch(() => undefined);
    return next;
  };
  return {
    load,
    loadFeed,
    async setAlways(feedId, on) {
      const feed = await setFeedFulltext(await deps.db(), feedId, on);
      if (!feed) return false;
      deps.onStored(feedId);
      if (on) void loadFeed(feedId).catch((err: unknown) => console.error('[orrery:fulltext]', err));
      return true;
    },
  };
}

/**
 * Desktop notifications for new posts: off unless the user turns them on in Settings and for
 * the feed. Reads what is stored (posts first seen after the feed's watermark), so it needs no
 * state in the worker and notifies each post once, even across restarts.
 */
import { t, tn } from '../i18n/t';
import type { Db } from '../db/open-db';
import { listFeeds, patchFeedsByUrl } from '../db/feeds';
import type { StoredFeed, StoredPost } from '../db/types';
import { webUrlOrUndefined } from '../util/web-url';

/** One notification to show. */
export interface NewPostsNotice {
  /** Encodes what a click opens (see noticeTarget). */
  id: string;
  title: string;
  message: string;
}

/** What the notifier needs. */
export interface NotifierDeps {
  db: () => Promise<Db>;
  /** The global setting. */
  enabled: () => Promise<boolean>;
  show: (notice: NewPostsNotice) => Promise<void>;
}

/** The notifier: `check()` after polls; concurrent calls share one pass and one follow-up. */
export interface Notifier {
  check(): Promise<void>;
}

// Posts looked at per feed: a poll adds at most a handful; a backlog is summed up, not listed.
const SCAN = 50;
const PREFIX = 'orrery-new:';

/** The notification id for a feed's new posts: a click opens the one post, or the feed's river. */
export function noticeId(feedId: string, postUrl: string | undefined): string {
  return `${PREFIX}${encodeURIComponent(feedId)}:${postUrl ? encodeURIComponent(postUrl) : ''}`;
}

/** What a clicked notification opens: a post's http(s) URL, or the feed (by id); undefined when not ours. */
export function noticeTarget(id: string): { postUrl?: string; feedId: string } | undefined {
  if (!id.startsWith(PREFIX)) return undefined;
  const [feed, post] = id.slice(PREFIX.length).split(':');
  if (!feed) return undefined;
  const postUrl = post ? decodeURIComponent(post) : undefined;
  const web = webUrlOrUndefined(postUrl);
  return { feedId: decodeURIComponent(feed), ...(web ? { postUrl: web } : {}) };
}

/** The notice for some new posts of a feed (newest first). */
export function noticeFor(feed: StoredFeed, posts: StoredPost[]): NewPostsNotice {
  const first = posts[0];
  if (posts.length === 1 && first) return { id: noticeId(feed.id, first.url), title: feed.title, message: first.title || t('worker_untitledPost') };
  const titles = posts.slice(0, 3).map((p) => `• ${p.title || t('worker_untitledPost')}`);
  return { id: noticeId(feed.id, undefined), title: tn('worker_newPosts', posts.length, { feed: feed.title }), message: titles.join('\n') };
}

async function newPosts(db: Db, feed: StoredFeed): Promise<StoredPost[]> {
  const from = feed.notifyFrom ?? Infinity;
  const tx = db.transaction('posts');
  const found: StoredPost[] = [];
  let seen = 0;
  const range = IDBKeyRange.bound([feed.id, -Infinity], [feed.id, Infinity]);
  for (let c = await tx.store.index('byFeed').openCursor(range, 'prev'); c && seen < SCAN; c = await c.continue()) {
    seen++;
    if (c.value.firstSeen > from) found.push(c.value);
  }
  await tx.done;
  return found;
}

/** Creates the notifier. */
export function createNotifier(deps: NotifierDeps): Notifier {
  let running: Promise<void> | undefined;
  let again = false;

  async function pass(): Promise<void> {
    if (!(await deps.enabled())) return;
    const db = await deps.db();
    const feeds = (await listFeeds(db)).filter((f) => f.notify && f.notifyFrom !== undefined);
    for (const feed of feeds) {
      const posts = await newPosts(db, feed);
      if (posts.length === 0) continue;
      const mark = Math.max(...posts.map((p) => p.firstSeen));
      // Move the watermark first: a notification shown twice is worse than one lost to a crash.
      await patchFeedsByUrl(db, [feed.url], (f) => (f.notify ? { ...f, notifyFrom: Math.max(f.notifyFrom ?? 0, mark) } : undefined));
      await deps.show(noticeFor(feed, posts));
    }
  }

  function check(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((err: unknown) => console.error('[orrery:notify]', err))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void check();
        }
      });
    return running;
  }

  return { check };
}

/** The toolbar popup: unread total, recent posts, feeds on this page, refresh. */
import { browser } from 'wxt/browser';
import { listFeeds } from '../../lib/db/feeds';
import { countUnread, queryPosts } from '../../lib/db/queries';
import type { StoredFeed, StoredPost } from '../../lib/db/types';
import { send } from '../../lib/messaging/protocol';
import { relativeAge } from '../../lib/ui/format-time';
import { useLiveQuery } from '../use-live-query';
import { RefreshButton } from '../refresh-button';
import { DetectedFeeds } from './detected-feeds';

interface PopupData {
  unread: number;
  recent: StoredPost[];
  feeds: Map<string, StoredFeed>;
  failing: number;
}

async function loadPopup(db: Parameters<typeof countUnread>[0]): Promise<PopupData> {
  const [unread, unreadPage, feeds] = await Promise.all([
    countUnread(db),
    queryPosts(db, { filter: 'unread', limit: 12 }),
    listFeeds(db),
  ]);
  const recent = unreadPage.posts.length ? unreadPage.posts : (await queryPosts(db, { filter: 'all', limit: 12 })).posts;
  return {
    unread,
    recent,
    feeds: new Map(feeds.map((f) => [f.id, f])),
    failing: feeds.filter((f) => f.errorCount > 0 || f.state === 'gone').length,
  };
}

/** The popup page. */
export function PopupApp() {
  const { value, error } = useLiveQuery(loadPopup, []);
  const now = Date.now();
  const open = async (post: StoredPost) => {
    if (post.url) await browser.tabs.create({ url: post.url });
    await send({ type: 'set-read', keys: [[post.feedId, post.id]], read: true });
  };
  return (
    <main class="popup">
      <header>
        <h1>Orrery</h1>
        <span>
          <span class="total" data-testid="unread-total">{value?.unread ?? 0}</span> <span class="muted">unread</span>
        </span>
        <RefreshButton />
      </header>
      {error && <p class="error" role="alert">Could not read stored posts: {error}</p>}
      <DetectedFeeds feeds={value?.feeds} />
      <section aria-labelledby="recent-h">
        <h2 id="recent-h">{value?.unread ? 'Newest unread' : 'Recent posts'}</h2>
        {value && value.recent.length === 0 && <p class="muted">No posts yet. Subscribe to a feed in Settings.</p>}
        <ul>
          {value?.recent.map((post) => (
            <li class="recent" key={`${post.feedId}/${post.id}`} data-testid="recent-entry" data-read={String(post.read === 1)}>
              <a
                href={post.url ?? '#'}
                onClick={(e) => {
                  e.preventDefault();
                  void open(post);
                }}
              >
                <span class="title">{post.title || '(untitled)'}</span>
                <span class="meta">
                  {value.feeds.get(post.feedId)?.title ?? ''} · {relativeAge(post.sortKey, now)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      {value && value.failing > 0 && (
        <section>
          <a class="failing" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
            {value.failing} feed{value.failing === 1 ? '' : 's'} failing: see Settings
          </a>
        </section>
      )}
      <footer>
        <a data-testid="open-timeline" href={browser.runtime.getURL('/timeline.html')} target="_blank" rel="noopener">
          Open the river
        </a>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
          Settings
        </a>
        {value && value.unread > 0 && (
          <button type="button" onClick={() => void send({ type: 'mark-all-read' })}>
            Mark all read
          </button>
        )}
      </footer>
    </main>
  );
}

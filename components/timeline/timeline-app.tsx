/** The full-page river: sidebar, toolbar (view, filter, search, refresh) and the posts. */
import { useEffect, useState } from 'preact/hooks';
import { listFeeds } from '../../lib/db/feeds';
import type { Db } from '../../lib/db/open-db';
import { countUnread, countUnreadByFeed, queryPosts, type PostQuery } from '../../lib/db/queries';
import { searchPosts } from '../../lib/db/search-posts';
import type { StoredPost } from '../../lib/db/types';
import { send } from '../../lib/messaging/protocol';
import { RefreshButton } from '../refresh-button';
import { useLiveQuery } from '../use-live-query';
import type { ViewMode } from './entry';
import { River } from './river';
import { Sidebar, type Scope } from './sidebar';

type Filter = PostQuery['filter'];

const PAGE = 100;

async function loadSide(db: Db) {
  const feeds = await listFeeds(db);
  const [counts, total] = await Promise.all([countUnreadByFeed(db, feeds.map((f) => f.id)), countUnread(db)]);
  return { feeds, counts, total };
}

/** The timeline page. */
export function TimelineApp() {
  const [scope, setScope] = useState<Scope>({ kind: 'all' });
  const [filter, setFilter] = useState<Filter>('all');
  const [view, setView] = useState<ViewMode>('full');
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const side = useLiveQuery(loadSide, []);
  const posts = useLiveQuery(
    async (db) => {
      if (search.trim()) return { posts: await searchPosts(db, search), more: false };
      const q: PostQuery = {
        filter,
        limit,
        ...(scope.kind === 'feed' ? { feedId: scope.feedId } : {}),
        ...(scope.kind === 'folder' ? { folder: scope.folder } : {}),
      };
      const page = await queryPosts(db, q);
      return { posts: page.posts, more: page.next !== undefined };
    },
    [scope, filter, limit, search],
  );
  useEffect(() => setLimit(PAGE), [scope, filter]);
  const feedMap = new Map((side.value?.feeds ?? []).map((f) => [f.id, f]));
  const onOpen = (post: StoredPost) => {
    if (post.read === 0) void send({ type: 'set-read', keys: [[post.feedId, post.id]], read: true });
  };
  const lastUpdate = Math.max(0, ...(side.value?.feeds ?? []).map((f) => f.lastFetchAt ?? 0));
  const toggle = <T,>(value: T, current: T, set: (v: T) => void, label: string, testid: string) => (
    <button type="button" data-testid={testid} aria-pressed={value === current ? 'true' : 'false'} onClick={() => set(value)}>
      {label}
    </button>
  );
  return (
    <div class="timeline">
      <header class="topbar">
        <h1>Orrery</h1>
        <p class="muted last-update">{lastUpdate > 0 ? `Last update: ${new Date(lastUpdate).toUTCString()}` : 'Not refreshed yet'}</p>
        <div class="tools">
          <input
            type="search"
            data-testid="search-input"
            aria-label="Search every stored post"
            placeholder="Search"
            value={search}
            onInput={(e) => setSearch((e.target as HTMLInputElement).value)}
          />
          <div role="group" aria-label="View">
            {toggle<ViewMode>('full', view, setView, 'Full', 'view-full')}
            {toggle<ViewMode>('summary', view, setView, 'Summary', 'view-summary')}
            {toggle<ViewMode>('titles', view, setView, 'Titles', 'view-titles')}
          </div>
          <div role="group" aria-label="Filter">
            {toggle<Filter>('unread', filter, setFilter, 'Unread', 'filter-unread')}
            {toggle<Filter>('all', filter, setFilter, 'All', 'filter-all')}
            {toggle<Filter>('starred', filter, setFilter, 'Starred', 'filter-starred')}
          </div>
          <RefreshButton />
        </div>
      </header>
      <div class="layout">
        {side.value && (
          <Sidebar feeds={side.value.feeds} counts={side.value.counts} total={side.value.total} scope={scope} onScope={setScope} />
        )}
        <main class="main">
          {posts.error && <p class="error" role="alert">Could not read stored posts: {posts.error}</p>}
          {posts.value && posts.value.posts.length === 0 && (
            <p class="empty muted">{search ? 'No post matches your search.' : 'Nothing here yet. Subscribe to feeds in Settings, then refresh.'}</p>
          )}
          {posts.value && <River posts={posts.value.posts} feeds={feedMap} view={view} onOpen={onOpen} />}
          {posts.value?.more && (
            <button type="button" class="more" onClick={() => setLimit((n) => n + PAGE)}>
              Load older posts
            </button>
          )}
        </main>
      </div>
    </div>
  );
}

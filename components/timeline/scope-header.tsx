/** The heading of the river: what is shown (everything, a folder, a feed and its health, or search results). */
import type { StoredFeed } from '../../lib/db/types';
import { feedHealth, healthText } from '../../lib/ui/feed-health';
import type { Scope } from './sidebar';

/** Props of ScopeHeader. */
export interface ScopeHeaderProps {
  scope: Scope;
  name: string;
  feed: StoredFeed | undefined;
  searching: boolean;
  query: string;
  total: number | undefined;
  lastUpdate: number;
  now: number;
}

/** The page's h1 and one line about it. */
export function ScopeHeader({ scope, name, feed, searching, query, total, lastUpdate, now }: ScopeHeaderProps) {
  const count = total !== undefined ? `${total.toLocaleString('en-US')} post${total === 1 ? '' : 's'}` : '';
  return (
    <div class="scope-header">
      <h1>{searching ? `Search: “${query}”` : name}</h1>
      <p class="muted">
        {searching && `${count} in every feed`}
        {!searching && scope.kind === 'feed' && feed && (
          <>
            {feed.siteUrl && (
              <a href={feed.siteUrl} target="_blank" rel="noopener noreferrer">
                {new URL(feed.siteUrl).host}
              </a>
            )}
            {feed.siteUrl && ' · '}
            <span class={`health-text health-${feedHealth(feed)}`}>{healthText(feed, now)}</span>
            {count && ` · ${count}`}
          </>
        )}
        {!searching && scope.kind !== 'feed' && (
          <>
            {count}
            {lastUpdate > 0 ? ` · Last update: ${new Date(lastUpdate).toUTCString()}` : ' · Not refreshed yet'}
          </>
        )}
      </p>
    </div>
  );
}

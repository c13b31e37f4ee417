/** The heading of the river: what is shown (everything, a folder, a feed and its health, or search results). */
import type { StoredFeed } from '../../lib/db/types';
import { t, tn } from '../../lib/i18n/t';
import { fullTime } from '../../lib/ui/format-time';
import { feedHealth, healthText } from '../../lib/ui/feed-health';
import { parseWebUrl } from '../../lib/util/web-url';
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
  // Only a web address becomes a link (the feed's publisher chose this URL).
  const site = feed?.siteUrl ? parseWebUrl(feed.siteUrl) : undefined;
  const count = total !== undefined ? tn('timeline_posts', total) : '';
  return (
    <div class="scope-header">
      <h1>{searching ? t('timeline_searchHeading', { query }) : <bdi>{name}</bdi>}</h1>
      <p class="muted">
        {searching && t('timeline_inEveryFeed', { posts: count })}
        {!searching && scope.kind === 'feed' && feed && (
          <>
            {site && (
              <a href={site.href} target="_blank" rel="noopener noreferrer">
                {site.host}
              </a>
            )}
            {site && ' · '}
            <span class={`health-text health-${feedHealth(feed)}`}>{healthText(feed, now)}</span>
            {count && ` · ${count}`}
          </>
        )}
        {!searching && scope.kind !== 'feed' && (
          <>
            {count}
            {' · '}
            {lastUpdate > 0 ? t('timeline_lastUpdate', { time: fullTime(lastUpdate) }) : t('timeline_notRefreshed')}
          </>
        )}
      </p>
    </div>
  );
}

/** One subscription in the list: name, site, health, schedule, savings, posts, actions. */
import { memo } from 'preact/compat';
import type { StoredFeed } from '../../lib/db/types';
import { everyText, feedStatus, isFailing, notModifiedText } from '../../lib/subscribe/feed-report';
import { relativeAge } from '../../lib/ui/format-time';
import { webUrlOrUndefined as safeHref } from '../../lib/util/web-url';
import { FulltextCheckbox } from './fulltext-checkbox';

/** Props of SubscriptionRow. */
export interface SubscriptionRowProps {
  feed: StoredFeed;
  posts: number;
  now: number;
  editing: boolean;
  /** Stable across renders (the row is memoized on its data only). */
  onEdit: (feed: StoredFeed) => void;
  /** Stable across renders. */
  onUnsubscribe: (feed: StoredFeed) => void;
}

const fullDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

function when(ms: number | undefined, now: number): string {
  if (ms === undefined) return '—';
  if (!Number.isFinite(ms)) return 'never';
  const age = ms <= now ? relativeAge(ms, now) : relativeAge(now, ms);
  if (age === 'just now') return ms <= now ? age : 'now';
  return ms <= now ? `${age} ago` : `in ${age}`;
}

function nextText(f: StoredFeed, now: number): string {
  if (f.state === 'gone') return 'stopped (gone)';
  if (f.state === 'paused') return 'paused';
  return f.nextCheckAt <= now ? 'due now' : when(f.nextCheckAt, now);
}

const minute = (ms: number) => Math.floor(ms / 60_000);

/**
 * The row, rendered again only when its feed, count or editing state changed, or a minute
 * turned (its ages are in minutes): a refresh re-reads a few feeds at a time, not the table.
 */
export const SubscriptionRow = memo(
  SubscriptionRowView,
  (a, b) => a.feed === b.feed && a.posts === b.posts && a.editing === b.editing && minute(a.now) === minute(b.now),
);

function SubscriptionRowView({ feed, posts, now, editing, onEdit, onUnsubscribe }: SubscriptionRowProps) {
  const s = feedStatus(feed);
  const bad = isFailing(feed);
  const site = safeHref(feed.siteUrl);
  return (
    <div role="row" data-testid="subscription" data-feed-url={feed.url} class={bad ? 'subs-row failing' : 'subs-row'}>
      <div role="cell" class="feed-cell">
        <div class="feed-title">
          {feed.title}
          {feed.notify && <span class="tag" title="Desktop notifications for new posts">notifies</span>}
        </div>
        <div class="muted">
          <small>
            {site && (
              <>
                <a href={site} target="_blank" rel="noopener noreferrer">
                  site
                </a>
                {' · '}
              </>
            )}
            <span class="url">{feed.url}</span>
          </small>
        </div>
        <FulltextCheckbox feed={feed} />
        {feed.leftPlanet && (
          <div class="left-planet">
            <small>No longer listed by {feed.leftPlanet.title}: keep it, or unsubscribe.</small>
          </div>
        )}
      </div>
      <div role="cell">
        <span data-testid="subscription-status" class={bad ? 'status-bad' : feed.lastStatus ? 'status-ok' : 'muted'} title={s.message}>
          {s.label}
        </span>
        {bad && (
          <div class="status-detail">
            <small>{s.message}</small>
          </div>
        )}
      </div>
      <div role="cell" title={feed.lastFetchAt ? fullDate.format(feed.lastFetchAt) : undefined}>{when(feed.lastFetchAt, now)}</div>
      <div role="cell" title={feed.scheduleReason}>
        {nextText(feed, now)}
        {feed.overrideMinutes !== undefined && (
          <div class="muted">
            <small>{everyText(feed.overrideMinutes)} (yours)</small>
          </div>
        )}
      </div>
      <div role="cell">{notModifiedText(feed)}</div>
      <div role="cell">{posts}</div>
      <div role="cell" class="row-actions">
        <button type="button" id={`edit-btn-${feed.id}`} aria-expanded={editing} aria-label={`Edit ${feed.title}`} onClick={() => onEdit(feed)} data-testid="edit-subscription">
          Edit
        </button>{' '}
        <button type="button" data-testid="unsubscribe" aria-label={`Unsubscribe from ${feed.title}`} onClick={() => onUnsubscribe(feed)}>
          Unsubscribe
        </button>
      </div>
    </div>
  );
}

/** One subscription in the list: name, site, health, schedule, savings, posts, actions. */
import { memo } from 'preact/compat';
import type { StoredFeed } from '../../lib/db/types';
import { everyText, feedStatus, isFailing, notModifiedText } from '../../lib/subscribe/feed-report';
import { formatNumber, t } from '../../lib/i18n/t';
import { webUrlOrUndefined as safeHref } from '../../lib/util/web-url';
import { FulltextCheckbox } from './fulltext-checkbox';
import { dateTimeText, relativeTime } from './relative-time';

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

function when(ms: number | undefined, now: number): string {
  if (ms === undefined) return '—';
  if (!Number.isFinite(ms)) return t('options_never');
  return relativeTime(ms, now);
}

function nextText(f: StoredFeed, now: number): string {
  if (f.state === 'gone') return t('options_stoppedGone');
  if (f.state === 'paused') return t('options_paused');
  return f.nextCheckAt <= now ? t('options_dueNow') : when(f.nextCheckAt, now);
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
          <bdi>{feed.title}</bdi>
          {feed.notify && <span class="tag" title={t('options_notifiesTitle')}>
              {t('options_notifiesTag')}
            </span>}
        </div>
        <div class="muted">
          <small>
            {site && (
              <>
                <a href={site} target="_blank" rel="noopener noreferrer">
                  {t('options_siteLink')}
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
            <small>{t('options_leftPlanet', { planet: feed.leftPlanet.title })}</small>
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
      <div role="cell" title={feed.lastFetchAt ? dateTimeText(feed.lastFetchAt) : undefined}>{when(feed.lastFetchAt, now)}</div>
      <div role="cell" title={feed.scheduleReason}>
        {nextText(feed, now)}
        {feed.overrideMinutes !== undefined && (
          <div class="muted">
            <small>{t('options_yourInterval', { every: everyText(feed.overrideMinutes) })}</small>
          </div>
        )}
      </div>
      <div role="cell">{notModifiedText(feed)}</div>
      <div role="cell">{formatNumber(posts)}</div>
      <div role="cell" class="row-actions">
        <button type="button" id={`edit-btn-${feed.id}`} aria-expanded={editing} aria-label={t('options_editFeed', { title: feed.title })} onClick={() => onEdit(feed)} data-testid="edit-subscription">
          {t('options_edit')}
        </button>{' '}
        <button type="button" data-testid="unsubscribe" aria-label={t('options_unsubscribeFrom', { title: feed.title })} onClick={() => onUnsubscribe(feed)}>
          {t('options_unsubscribe')}
        </button>
      </div>
    </div>
  );
}

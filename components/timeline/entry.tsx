/** One post in the river: an ARIA article with title, author, time, actions, content and episode player. */
import { memo } from 'preact/compat';
import { useState } from 'preact/hooks';
import type { StoredPost } from '../../lib/db/types';
import { t } from '../../lib/i18n/t';
import { audioEnclosure } from '../../lib/ui/audio-enclosure';
import { agoText, fullTime } from '../../lib/ui/format-time';
import { postExcerpt } from '../../lib/ui/post-excerpt';
import { postPicture } from '../../lib/ui/post-picture';
import { isWebUrl } from '../../lib/util/web-url';
import { EpisodeControls } from '../player/episode-controls';
import { WebLink } from '../web-link';
import { EntryContent } from './entry-content';
import { EntryPicture, FulltextButton, useArticleHtml } from './entry-fulltext';

/** How much of a post is shown. */
export type ViewMode = 'full' | 'summary' | 'titles' | 'cards';

/** What a post's controls do (one stable object for the whole river). */
export interface EntryActions {
  select: (post: StoredPost) => void;
  opened: (post: StoredPost) => void;
  toggleRead: (post: StoredPost) => void;
  toggleStar: (post: StoredPost) => void;
  toggleExpand: (post: StoredPost) => void;
  markAbove: (post: StoredPost, index: number) => void;
}

/** Props of Entry. */
export interface EntryProps {
  post: StoredPost;
  /** Position in the whole river, 0-based. */
  index: number;
  setsize: number | undefined;
  view: ViewMode;
  current: boolean;
  expanded: boolean;
  feedTitle: string;
  /** The feed's site, linked from its name. */
  feedUrl: string | undefined;
  /** First post of a run of one feed's posts: shows the feed's name above it. */
  showFeed: boolean;
  /** First post of a day: shows the day heading above it. */
  day: string | undefined;
  /** The other feeds that brought this post, folded into it ("also in"), names joined. */
  alsoIn?: string | undefined;
  /** Index of the page this post starts (the window measures pages from it). */
  pageFirst: number | undefined;
  now: number;
  actions: EntryActions;
}

function EntryView({ post, index, setsize, view, current, expanded, feedTitle, feedUrl, showFeed, day, alsoIn, pageFirst, now, actions }: EntryProps) {
  const audio = audioEnclosure(post.enclosures);
  const webLink = isWebUrl(post.url);
  const titleId = `e${index}-t`;
  const metaId = `e${index}-m`;
  const read = post.read === 1;
  const starred = post.starred === 1;
  const showFull = view === 'full' || expanded;
  // A full article loaded from the post's page replaces the feed's summary.
  const [loaded, setLoaded] = useState(0);
  const article = useArticleHtml(post, showFull, loaded);
  const body = article ?? post.contentHtml ?? post.summary;
  const excerpt = (view === 'summary' || view === 'cards') && !expanded ? postExcerpt(post) : '';
  const picture = view !== 'full' && !expanded ? postPicture(post) : undefined;
  return (
    <article
      class={`entry${current ? ' current' : ''}${post.highlightBy ? ' highlighted' : ''}`}
      data-testid="entry"
      data-entry-id={post.id}
      data-feed-id={post.feedId}
      data-read={String(read)}
      data-starred={String(starred)}
      data-page-first={pageFirst}
      tabIndex={current ? 0 : -1}
      aria-posinset={index + 1}
      aria-setsize={setsize ?? -1}
      aria-labelledby={titleId}
      aria-describedby={metaId}
      onClick={() => actions.select(post)}
    >
      {day && (
        <h2 class="day-heading" data-testid="day-heading">
          {day}
        </h2>
      )}
      {showFeed && (
        <h3 class="feed-name" data-testid="entry-feed" dir="auto">
          <WebLink href={feedUrl}>{feedTitle}</WebLink>
        </h3>
      )}
      <div class={picture ? 'entry-box has-picture' : 'entry-box'}>
        {picture && <EntryPicture src={picture} />}
        <div class="entry-head">
          <h4 class="entry-title" id={titleId}>
            {webLink ? (
              <a data-testid="entry-title" dir="auto" href={post.url} target="_blank" rel="noopener noreferrer" onClick={() => actions.opened(post)} onAuxClick={(e) => e.button === 1 && actions.opened(post)}>
                {post.title || t('common_untitled')}
              </a>
            ) : (
              // No link, or one that is not a web address (data:, javascript:, file:…): plain text, never a dead link.
              <span data-testid="entry-title" dir="auto">{post.title || t('common_untitled')}</span>
            )}
          </h4>
          <p class="entry-meta" id={metaId}>
            {!read && <span class="unread-dot" title={t('timeline_unread')} />}
            <span class="sr-only">{t(read ? (starred ? 'timeline_srReadStarred' : 'timeline_srRead') : starred ? 'timeline_srUnreadStarred' : 'timeline_srUnread', { feed: feedTitle })} </span>
            {post.url && !webLink && (
              <span class="link-note" data-testid="entry-link-note">
                {t('timeline_linkNotWeb')}
              </span>
            )}
            {post.highlightBy && (
              // A word, not only a colour: a rule of the reader's matched this post.
              <span class="highlight-mark" data-testid="entry-highlight">
                {t('common_highlighted')}
              </span>
            )}
            {post.author && <bdi class="author">{post.author}</bdi>}
            <time dateTime={new Date(post.sortKey).toISOString()} title={fullTime(post.sortKey)}>
              {agoText(post.sortKey, now)}
            </time>
            {alsoIn && (
              <span class="also-in" data-testid="entry-also-in">
                {t('timeline_alsoIn', { feeds: alsoIn })}
              </span>
            )}
          </p>
          <div class="entry-actions">
            {view !== 'full' && (
              <button type="button" class="icon" aria-expanded={expanded ? 'true' : 'false'} aria-label={expanded ? t('timeline_hideContent') : t('timeline_showContent')} title={t('timeline_expandTitle')} onClick={() => actions.toggleExpand(post)}>
                {expanded ? '▴' : '▾'}
              </button>
            )}
            <button type="button" class="icon" data-testid="toggle-read" aria-pressed={read ? 'true' : 'false'} aria-label={t('timeline_readLabel')} title={read ? t('timeline_markUnreadTitle') : t('timeline_markReadTitle')} onClick={() => actions.toggleRead(post)}>
              {read ? '✓' : '○'}
            </button>
            <button type="button" class="icon star" data-testid="toggle-star" aria-pressed={starred ? 'true' : 'false'} aria-label={t('timeline_starLabel')} title={starred ? t('timeline_unstarTitle') : t('timeline_starTitle')} onClick={() => actions.toggleStar(post)}>
              {starred ? '★' : '☆'}
            </button>
            <button type="button" class="icon" data-testid="mark-above-read" aria-label={t('timeline_markAbove')} title={t('timeline_markAboveTitle')} onClick={() => actions.markAbove(post, index)}>
              ⤒
            </button>
          </div>
        </div>
        {excerpt && <p class="excerpt">{excerpt}</p>}
        {showFull && body && <EntryContent html={body} {...(post.url ? { baseUrl: post.url } : {})} />}
        {(view !== 'titles' || expanded) && (
          <FulltextButton
            post={post}
            onLoaded={() => {
              setLoaded((n) => n + 1);
              if (!showFull) actions.toggleExpand(post);
            }}
          />
        )}
        {audio && (view !== 'titles' || expanded) && (
          <EpisodeControls
            episode={{ url: audio.url, title: post.title, feedTitle, postKey: [post.feedId, post.id], ...(audio.durationSeconds ? { duration: audio.durationSeconds } : {}) }}
          />
        )}
      </div>
    </article>
  );
}

/** A post; re-renders only when its own props change. */
export const Entry = memo(EntryView);

/** A previewed feed: its grade and newest posts, before (or just after) subscribing. */
import { t, tn } from '../../lib/i18n/t';
import { uiLocale } from '../../lib/i18n/ui-locale';
import { webUrlOrUndefined } from '../../lib/util/web-url';
import { gradeLines } from '../../lib/subscribe/grade-words';
import type { FeedPreview } from '../../lib/subscribe/types';
import './feed-preview.css';

/** Props of FeedPreviewCard. */
export interface FeedPreviewCardProps {
  preview: FeedPreview;
  now: number;
  /** The popup's narrow version: fewer posts, no excerpts. */
  compact?: boolean;
}

let dateFormat: Intl.DateTimeFormat | undefined;
const postDate = (ms: number) => (dateFormat ??= new Intl.DateTimeFormat(uiLocale(), { year: 'numeric', month: 'short', day: 'numeric' })).format(ms);

/** The preview card. */
export function FeedPreviewCard({ preview, now, compact = false }: FeedPreviewCardProps) {
  // Only web links are rendered as links: a feed's URLs come from its publisher.
  const site = webUrlOrUndefined(preview.siteUrl);
  const posts = preview.posts.slice(0, compact ? 3 : 5);
  return (
    <div class={compact ? 'feed-preview compact' : 'feed-preview'} data-testid="feed-preview">
      <p class="feed-preview-title">
        <strong>{preview.title}</strong>
        {site && (
          <>
            {' · '}
            <a href={site} target="_blank" rel="noopener noreferrer">
              {t('subscribe_site')}
            </a>
          </>
        )}
      </p>
      <p class="muted feed-preview-url">
        <small>
          {preview.url}
          {preview.foundOn && ` ${t('subscribe_linkedFrom', { page: preview.foundOn })}`}
        </small>
      </p>
      {!compact && preview.description && <p class="feed-preview-desc">{preview.description}</p>}
      <dl class="grade" data-testid="feed-grade">
        {gradeLines(preview.grade, now).map((line) => (
          <div key={line.label} class={line.good === true ? 'good' : line.good === false ? 'bad' : undefined}>
            <dt>{line.label}</dt>
            <dd>{line.value}</dd>
          </div>
        ))}
      </dl>
      {posts.length > 0 ? (
        <>
          <p class="feed-preview-h">{compact ? t('subscribe_latestPosts') : tn('subscribe_latestPostsOf', preview.grade.itemCount)}</p>
          <ol class="feed-preview-posts" data-testid="preview-posts">
            {posts.map((p, i) => {
              const href = webUrlOrUndefined(p.url);
              return (
                <li key={`${i}:${p.title}`}>
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {p.title}
                    </a>
                  ) : (
                    <span>{p.title}</span>
                  )}
                  {p.published !== undefined && (
                    <>
                      {' '}
                      <time class="muted" dateTime={new Date(p.published).toISOString()}>
                        {postDate(p.published)}
                      </time>
                    </>
                  )}
                  {!compact && p.excerpt && <p class="excerpt">{p.excerpt}</p>}
                </li>
              );
            })}
          </ol>
        </>
      ) : (
        <p class="muted">{t('subscribe_noPosts')}</p>
      )}
    </div>
  );
}

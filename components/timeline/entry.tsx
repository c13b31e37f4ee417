/** One post in the river. */
import type { StoredPost } from '../../lib/db/types';
import { clockTime, fullTime } from '../../lib/ui/format-time';
import { EntryContent } from './entry-content';

/** How much of a post is shown. */
export type ViewMode = 'full' | 'summary' | 'titles';

/** Props of Entry. */
export interface EntryProps {
  post: StoredPost;
  view: ViewMode;
  onOpen: (post: StoredPost) => void;
}

/** A post: title link, author, time, content and audio. */
export function Entry({ post, view, onOpen }: EntryProps) {
  const audio = post.enclosures.find((e) => e.type?.startsWith('audio/') || /\.(mp3|m4a|ogg|opus)(\?|$)/i.test(e.url));
  const body = view === 'full' ? (post.contentHtml ?? post.summary) : view === 'summary' ? (post.summary ?? post.contentHtml) : undefined;
  return (
    <article
      class="entry"
      data-testid="entry"
      data-entry-id={post.id}
      data-read={String(post.read === 1)}
      aria-labelledby={`t-${cssId(post)}`}
    >
      <h3 class="entry-title" id={`t-${cssId(post)}`}>
        <a data-testid="entry-title" href={post.url ?? '#'} target="_blank" rel="noopener noreferrer" onClick={() => onOpen(post)}>
          {post.title || '(untitled)'}
        </a>
      </h3>
      <p class="entry-meta muted">
        {post.author && <span class="author">{post.author} · </span>}
        <time dateTime={new Date(post.sortKey).toISOString()} title={fullTime(post.sortKey)}>
          {clockTime(post.sortKey)}
        </time>
      </p>
      {body && <EntryContent html={body} {...(post.url ? { baseUrl: post.url } : {})} />}
      {audio && view !== 'titles' && (
        <div class="audio">
          <audio data-testid="entry-audio" controls preload="none" src={audio.url} aria-label={`Play ${post.title}`} />
        </div>
      )}
    </article>
  );
}

function cssId(post: StoredPost): string {
  let h = 0;
  for (const ch of `${post.feedId}/${post.id}`) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return (h >>> 0).toString(36);
}

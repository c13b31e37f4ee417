/** A short plain-text excerpt of a post, for the summary view (no HTML, so nothing to sanitize). */
import { textOf } from './strip-html';
import type { StoredPost } from '../db/types';

/** The first `max` characters of the post's summary (or content) as text, cut at a word. */
export function postExcerpt(post: Pick<StoredPost, 'summary' | 'contentHtml'>, max = 320): string {
  const text = textOf(post.summary ?? post.contentHtml).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** The newest posts of a feed as plain text, for the preview. */
import { htmlToText } from '../feed/html-to-text';
import type { ParsedItem } from '../feed/types';
import type { PreviewPost } from './types';

const EXCERPT_CHARS = 220;

/** The `n` newest posts (by date; undated ones keep the feed's order), titles and short excerpts. */
export function previewPosts(items: ParsedItem[], n = 5): PreviewPost[] {
  const dated = items.map((item, i) => ({ item, i, t: item.published ?? item.updated }));
  dated.sort((a, b) => (b.t ?? -Infinity) - (a.t ?? -Infinity) || a.i - b.i);
  return dated.slice(0, n).map(({ item, t }) => {
    const text = htmlToText(item.summary ?? item.contentHtml ?? '');
    const excerpt = text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : text;
    return {
      title: item.title || '(untitled)',
      ...(item.url ? { url: item.url } : {}),
      ...(t !== undefined ? { published: t } : {}),
      excerpt,
    };
  });
}

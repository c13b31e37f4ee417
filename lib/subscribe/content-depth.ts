/** Whether a feed carries whole posts, summaries, or only titles. */
import { htmlToText } from '../feed/html-to-text';
import type { ParsedItem } from '../feed/types';
import type { ContentDepth } from './types';

// An excerpt announces itself: WordPress's "[…]", "Continue reading", "Read more".
const TRUNCATED = /(?:\[(?:…|\.\.\.|&hellip;)\]|…|\.\.\.)\s*$|(?:continue reading|read more|read the (?:full|rest)|the post .{1,200} appeared first on)/i;
// Shorter than this, a text is a summary even when nothing says so.
const FULL_TEXT_CHARS = 700;

function depthOf(item: ParsedItem): ContentDepth {
  const content = item.contentHtml ?? item.summary;
  if (content === undefined) return 'titles';
  const text = htmlToText(content);
  if (text === '') return 'titles';
  if (TRUNCATED.test(text)) return 'summary';
  return text.length >= FULL_TEXT_CHARS || /<(?:p|pre|img|ul|ol|h[1-6]|blockquote|figure)\b/i.test(content) && text.length >= 300 ? 'full' : 'summary';
}

/** The depth most of the feed's newest posts (up to 10) have. */
export function contentDepth(items: ParsedItem[]): ContentDepth {
  const counts: Record<ContentDepth, number> = { full: 0, summary: 0, titles: 0 };
  for (const item of items.slice(0, 10)) counts[depthOf(item)]++;
  if (counts.full === 0 && counts.summary === 0) return 'titles';
  return counts.full >= counts.summary ? 'full' : 'summary';
}

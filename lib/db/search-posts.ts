/** Searching the titles and text of every stored post, newest first. */
import type { Db } from './open-db';
import type { StoredPost } from './types';

/** Plain text of an HTML fragment, for matching (no DOM: tags dropped, common entities decoded). */
export function textOf(html: string | undefined): string {
  if (!html) return '';
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** Posts whose title or text contains every word of `query` (case-insensitive), up to `limit`. */
export async function searchPosts(db: Db, query: string, limit = 200): Promise<StoredPost[]> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const found: StoredPost[] = [];
  const tx = db.transaction('posts');
  for (let cursor = await tx.store.index('bySort').openCursor(null, 'prev'); cursor && found.length < limit; cursor = await cursor.continue()) {
    const p = cursor.value;
    const hay = `${p.title}\n${p.author ?? ''}\n${textOf(p.contentHtml ?? p.summary)}`.toLowerCase();
    if (words.every((w) => hay.includes(w))) found.push(p);
  }
  await tx.done;
  return found;
}

import { parseDate } from '../date/parse-date.ts';
import type { ParsedEnclosure, ParsedFeed, ParsedItem } from './types.ts';
import { capItems } from './cap-items.ts';
import { escapeHtml } from './escape-html.ts';
import { itemId } from './item-id.ts';
import { oneLineText } from './one-line-text.ts';
import { plainTitle } from './plain-title.ts';
import { contentHtml as cleanHtml } from './content-html.ts';
import { resolveUrl } from './resolve-url.ts';
import { webLink } from './web-link.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);

/** A JSON Feed author's name: an object with "name", or (seen in the wild) a bare string. */
function nameOf(a: unknown): string | undefined {
  const raw = typeof a === 'string' ? a : isObject(a) ? a['name'] : undefined;
  return typeof raw === 'string' ? oneLineText(raw) || undefined : undefined;
}

/**
 * The first named author: JSON Feed 1.1 `authors`, else 1.0 `author`. Either may be one object
 * instead of a list (publishers mix the versions up), and both are accepted.
 */
function authorOf(obj: Json): string | undefined {
  for (const field of [obj['authors'], obj['author']]) {
    for (const a of Array.isArray(field) ? field : [field]) {
      const name = nameOf(a);
      if (name) return name;
    }
  }
  return undefined;
}

/** content_text as HTML: escaped, paragraphs and line breaks kept. */
function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function parseItem(raw: Json, base: string, feedAuthor: string | undefined): ParsedItem {
  // The first http(s) one of url and external_url is the link; the id, when the item has none,
  // comes from url as written (see parse-rss), so it does not change when a link is filtered.
  const rawUrl = str(raw['url']) ?? str(raw['external_url']);
  const rawLink = rawUrl ? resolveUrl(rawUrl, base) : undefined;
  const link = webLink(str(raw['url']), base) ?? webLink(str(raw['external_url']), base);
  const title = plainTitle(str(raw['title']) ?? '');
  const html = str(raw['content_html']);
  const contentHtml = html ? cleanHtml(html, base) : str(raw['content_text']) ? textToHtml(raw['content_text'] as string) : undefined;
  const summaryText = str(raw['summary']);
  const rawId = typeof raw['id'] === 'number' ? String(raw['id']) : str(raw['id']);
  const enclosures: ParsedEnclosure[] = [];
  for (const a of Array.isArray(raw['attachments']) ? raw['attachments'] : []) {
    const href = isObject(a) ? webLink(str(a['url']), base) : undefined;
    if (!isObject(a) || !href) continue;
    const enc: ParsedEnclosure = { url: href };
    const type = str(a['mime_type']);
    if (type) enc.type = type;
    const size = num(a['size_in_bytes']);
    if (size !== undefined) enc.length = size;
    const duration = num(a['duration_in_seconds']);
    if (duration !== undefined) enc.durationSeconds = duration;
    enclosures.push(enc);
  }
  const item: ParsedItem = {
    id: itemId(rawId, rawLink, title, contentHtml),
    title,
    enclosures,
    categories: (Array.isArray(raw['tags']) ? raw['tags'] : []).filter((t): t is string => typeof t === 'string').map(oneLineText).filter((t) => t !== ''),
  };
  if (link) item.url = link;
  const author = authorOf(raw) ?? feedAuthor;
  if (author) item.author = author;
  const published = parseDate(str(raw['date_published']));
  if (published !== undefined) item.published = published;
  const updated = parseDate(str(raw['date_modified']));
  if (updated !== undefined) item.updated = updated;
  if (summaryText) item.summary = escapeHtml(summaryText);
  if (contentHtml) item.contentHtml = contentHtml;
  const image = webLink(str(raw['image']), base) ?? webLink(str(raw['banner_image']), base);
  if (image) item.imageUrl = image;
  return item;
}

/** Parse a JSON Feed 1.0/1.1 document already read as JSON; undefined when it is not one. */
export function parseJsonFeed(doc: unknown, feedUrl: string, maxItems: number): ParsedFeed | undefined {
  if (!isObject(doc)) return undefined;
  const version = str(doc['version']) ?? '';
  if (!version.includes('jsonfeed.org') && !Array.isArray(doc['items'])) return undefined;
  // feed_url is the base of relative URLs only when it is an http(s) URL (a data: base resolves nothing).
  const base = webLink(str(doc['feed_url']), feedUrl) ?? feedUrl;
  const feedAuthor = authorOf(doc);
  const raw = (Array.isArray(doc['items']) ? doc['items'] : []).filter(isObject);
  const dateOf = (i: Json): number | undefined => parseDate(str(i['date_published']) ?? str(i['date_modified']));
  const items = capItems(raw, maxItems, dateOf).map((i) => parseItem(i, base, feedAuthor));
  const feed: ParsedFeed = { format: 'json', title: plainTitle(str(doc['title']) ?? ''), items };
  const home = webLink(str(doc['home_page_url']), base);
  if (home) feed.siteUrl = home;
  const description = str(doc['description']);
  if (description) feed.description = plainTitle(description);
  const language = str(doc['language']);
  if (language) feed.language = language;
  const icon = webLink(str(doc['icon']), base) ?? webLink(str(doc['favicon']), base);
  if (icon) feed.iconUrl = icon;
  return feed;
}

import type { XmlElement } from '../xml/xml-node.ts';
import { parseDate } from '../date/parse-date.ts';
import type { ParsedEnclosure, ParsedFeed, ParsedItem } from './types.ts';
import { capItems } from './cap-items.ts';
import { child, children, childText, childTextOf, firstOf, markupOf, textOf } from './element-helpers.ts';
import { itemId } from './item-id.ts';
import { atomAlternateLink } from './atom-links.ts';
import { dedupeEnclosures, itemImage, makeEnclosure, mediaEnclosures } from './media-enclosures.ts';
import { oneLineText } from './one-line-text.ts';
import { plainTitle } from './plain-title.ts';
import { podcastLinks } from './podcast-links.ts';
import { contentHtml as cleanHtml } from './content-html.ts';
import { resolveUrl } from './resolve-url.ts';
import { rssAuthor } from './rss-author.ts';
import { webLink, webUrl } from './web-link.ts';

const looksLikeUrl = (s: string): boolean => /^(?:https?:)?\/\//i.test(s) || /^https?:/i.test(s);

/** The HTML of a content-bearing child, URLs resolved; undefined when absent or blank. */
function htmlOf(item: XmlElement, key: string): string | undefined {
  const el = child(item, key);
  if (!el) return undefined;
  return cleanHtml(markupOf(el), el.base);
}

/** A link element's text resolved against its base. */
function linkOf(item: XmlElement): string | undefined {
  const el = child(item, 'link');
  const text = el ? textOf(el).trim() : '';
  if (el && text) return resolveUrl(text, el.base);
  // CDF and some RSS 0.9x generators put the URL in an attribute.
  const href = item.attrs['href'] ?? item.attrs['HREF'] ?? el?.attrs['href'];
  return href ? resolveUrl(href, item.base) : undefined;
}

const PUBLISHED = ['pubdate', 'dc:date', 'dcterms:issued', 'dcterms:created', 'dcterms:date', 'atom:published'];
const UPDATED = ['dcterms:modified', 'atom:updated'];

function publishedOf(item: XmlElement): number | undefined {
  return parseDate(childTextOf(item, PUBLISHED));
}

function updatedOf(item: XmlElement): number | undefined {
  // CDF puts the date in a LASTMOD attribute.
  return parseDate(childTextOf(item, UPDATED) ?? item.attrs['LASTMOD'] ?? item.attrs['lastmod']);
}

/** The instant that ranks an item when the feed has more than maxItems. */
const itemDate = (item: XmlElement): number | undefined => publishedOf(item) ?? updatedOf(item);

function parseItem(item: XmlElement, channel: XmlElement): ParsedItem {
  const guidEl = child(item, 'guid');
  const guid = guidEl ? textOf(guidEl).trim() || undefined : undefined;
  // guid isPermaLink defaults to true (RSS 2.0), so a URL-shaped guid is the post's link.
  const permaLink = guidEl?.attrs['isPermaLink']?.trim().toLowerCase() !== 'false';
  const candidates = [
    linkOf(item),
    atomAlternateLink(item),
    guid && permaLink && looksLikeUrl(guid) ? resolveUrl(guid, guidEl?.base) : undefined,
  ];
  // The post's link is the first http(s) candidate; a javascript:/data: one is skipped, not shown.
  // Its identity still comes from the first candidate as written, so a post without a guid keeps
  // the id it had before links were filtered (and two such posts never merge into one).
  const link = firstOf(...candidates.map(webUrl));
  const rawLink = firstOf(...candidates);
  const titleText = firstOf(childText(item, 'title'), childText(item, 'dc:title'), childText(item, 'media:title'), childText(item, 'itunes:title'));
  const title = titleText === undefined ? '' : plainTitle(titleText);
  const summary = firstOf(htmlOf(item, 'description'), htmlOf(item, 'dc:description'), htmlOf(item, 'abstract'), htmlOf(item, 'itunes:summary'));
  const contentHtml = firstOf(htmlOf(item, 'content:encoded'), htmlOf(item, 'xhtml:body'), htmlOf(item, 'body'), htmlOf(item, 'fullitem'), htmlOf(item, 'atom:content'));

  const enclosures: ParsedEnclosure[] = [];
  for (const e of children(item, 'enclosure')) {
    const enc = makeEnclosure(e.attrs['url'] ?? e.attrs['href'], e.attrs['type'], e.attrs['length'], e.base);
    if (enc) enclosures.push(enc);
  }
  for (const l of children(item, 'atom:link')) {
    if (l.attrs['rel'] !== 'enclosure') continue;
    const enc = makeEnclosure(l.attrs['href'], l.attrs['type'], l.attrs['length'], l.base);
    if (enc) enclosures.push(enc);
  }
  enclosures.push(...mediaEnclosures(item));

  const categories = [...children(item, 'category'), ...children(item, 'dc:subject')]
    .map((c) => oneLineText(textOf(c)))
    .filter((c) => c !== '');

  const parsed: ParsedItem = {
    id: itemId(firstOf(guid, item.attrs['rdf:about']), rawLink, title, contentHtml ?? summary),
    title,
    enclosures: dedupeEnclosures(enclosures, childText(item, 'itunes:duration')),
    categories,
  };
  if (link) parsed.url = link;
  const author = rssAuthor(item, channel);
  if (author) parsed.author = author;
  const published = publishedOf(item);
  if (published !== undefined) parsed.published = published;
  const updated = updatedOf(item);
  if (updated !== undefined) parsed.updated = updated;
  if (summary) parsed.summary = summary;
  if (contentHtml) parsed.contentHtml = contentHtml;
  const image = itemImage(item);
  if (image) parsed.imageUrl = image;
  return Object.assign(parsed, podcastLinks(item));
}

/** Parse RSS 0.9x/2.0 (root <rss>) and RSS 0.90/1.0 (root <rdf:RDF>, items beside the channel). */
export function parseRss(root: XmlElement, format: 'rss' | 'rdf', maxItems: number): ParsedFeed {
  const channel = child(root, 'channel') ?? root;
  const itemEls = children(channel, 'item');
  if (channel !== root) itemEls.push(...children(root, 'item'));
  const titleText = firstOf(childText(channel, 'title'), childText(channel, 'dc:title'));
  const feed: ParsedFeed = { format, title: titleText === undefined ? '' : plainTitle(titleText), items: capItems(itemEls, maxItems, itemDate).map((i) => parseItem(i, channel)) };
  const site = firstOf(webUrl(linkOf(channel)), webUrl(atomAlternateLink(channel)));
  if (site) feed.siteUrl = site;
  const description = firstOf(childText(channel, 'description'), childText(channel, 'dc:description'), childText(channel, 'itunes:summary'));
  // Plain text, like an Atom subtitle: channel descriptions are shown as a line of text.
  if (description) feed.description = plainTitle(description);
  const language = firstOf(childText(channel, 'language'), childText(channel, 'dc:language'));
  if (language) feed.language = language;
  const imageEl = child(channel, 'image') ?? child(root, 'image');
  const iconBase = imageEl?.base ?? channel.base;
  const icon = firstOf(webLink(imageEl ? childText(imageEl, 'url') : undefined, iconBase), webLink(imageEl?.attrs['rdf:resource'], iconBase), itemImage(channel));
  if (icon) feed.iconUrl = icon;
  return feed;
}

import type { XmlElement } from '../xml/xml-node.ts';
import { parseDate } from '../date/parse-date.ts';
import type { ParsedEnclosure, ParsedFeed, ParsedItem } from './types.ts';
import { capItems } from './cap-items.ts';
import { atomAlternateLinks, atomLinks, hrefOf } from './atom-links.ts';
import { child, children, childText, childTextOf, firstOf, textOf } from './element-helpers.ts';
import { itemId } from './item-id.ts';
import { dedupeEnclosures, itemImage, makeEnclosure, mediaEnclosures } from './media-enclosures.ts';
import { authorName } from './author-name.ts';
import { oneLineText } from './one-line-text.ts';
import { personName } from './rss-author.ts';
import { webLink, webUrl } from './web-link.ts';
import { textConstructHtml, textConstructPlain } from './text-construct.ts';

/** The first author's name (else email, else uri) of an element with Atom <author> children. */
function authorOf(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  for (const a of children(el, 'author')) {
    const name = personName(a);
    if (name) return name;
  }
  return authorName(firstOf(childText(el, 'dc:creator'), childText(el, 'itunes:author'), childText(el, 'googleplay:author')));
}

function htmlOf(el: XmlElement, key: string): string | undefined {
  const c = child(el, key);
  if (!c || c.attrs['src'] !== undefined) return undefined;
  const html = textConstructHtml(c);
  return html === '' ? undefined : html;
}

const PUBLISHED = ['published', 'issued', 'created', 'dc:date'];

function publishedOf(entry: XmlElement): number | undefined {
  return parseDate(childTextOf(entry, PUBLISHED));
}

function updatedOf(entry: XmlElement): number | undefined {
  // Repeated <updated>: the last one wins, as in the reference parser (later values overwrite).
  const els = [...children(entry, 'updated'), ...children(entry, 'modified')];
  const last = els[els.length - 1];
  return parseDate(last ? textOf(last) : undefined);
}

/** The instant that ranks an entry when the feed has more than maxItems. */
const entryDate = (entry: XmlElement): number | undefined => publishedOf(entry) ?? updatedOf(entry);

function parseEntry(entry: XmlElement, feedEl: XmlElement): ParsedItem {
  const titleEl = child(entry, 'title');
  const title = titleEl ? textConstructPlain(titleEl) : '';
  // The post's link is the preferred http(s) alternate; the id falls back to the preferred one as
  // written, whatever its scheme (see parse-rss), so it is what it was before links were filtered.
  const alternates = atomAlternateLinks(entry);
  const rawLink = alternates[0];
  const link = firstOf(...alternates.map(webUrl));
  const summary = htmlOf(entry, 'summary');
  const contentHtml = htmlOf(entry, 'content');
  const enclosures: ParsedEnclosure[] = [];
  for (const l of atomLinks(entry)) {
    if (l.attrs['rel']?.trim() !== 'enclosure') continue;
    const enc = makeEnclosure(hrefOf(l), l.attrs['type'], l.attrs['length'], l.base);
    if (enc) enclosures.push(enc);
  }
  enclosures.push(...mediaEnclosures(entry));
  const categories = children(entry, 'category')
    .map((c) => oneLineText(c.attrs['label'] ?? c.attrs['term'] ?? textOf(c)))
    .filter((c) => c !== '');

  const idText = childText(entry, 'id');
  const item: ParsedItem = {
    id: itemId(idText, rawLink, title, contentHtml ?? summary),
    title,
    enclosures: dedupeEnclosures(enclosures, childText(entry, 'itunes:duration')),
    categories,
  };
  if (link) item.url = link;
  const author = firstOf(authorOf(entry), authorOf(child(entry, 'source')), authorOf(feedEl));
  if (author) item.author = author;
  const published = publishedOf(entry);
  if (published !== undefined) item.published = published;
  const updated = updatedOf(entry);
  if (updated !== undefined) item.updated = updated;
  if (summary) item.summary = summary;
  if (contentHtml) item.contentHtml = contentHtml;
  const image = itemImage(entry);
  if (image) item.imageUrl = image;
  return item;
}

/** Parse an Atom 1.0 or 0.3 document (root <feed>). */
export function parseAtom(root: XmlElement, maxItems: number): ParsedFeed {
  const titleEl = child(root, 'title');
  const feed: ParsedFeed = {
    format: 'atom',
    title: titleEl ? textConstructPlain(titleEl) : '',
    items: capItems(children(root, 'entry'), maxItems, entryDate).map((e) => parseEntry(e, root)),
  };
  const site = firstOf(...atomAlternateLinks(root).map(webUrl));
  if (site) feed.siteUrl = site;
  const subtitleEl = child(root, 'subtitle') ?? child(root, 'tagline');
  const subtitle = subtitleEl ? textConstructPlain(subtitleEl) : '';
  if (subtitle) feed.description = subtitle;
  const lang = root.attrs['xml:lang']?.trim();
  if (lang) feed.language = lang;
  let icon: string | undefined;
  for (const el of [child(root, 'icon'), child(root, 'logo')]) icon ??= el ? webLink(textOf(el), el.base) : undefined;
  if (icon) feed.iconUrl = icon;
  return feed;
}

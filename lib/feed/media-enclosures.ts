import type { XmlElement } from '../xml/xml-node.ts';
import type { ParsedEnclosure } from './types.ts';
import { child, children, childText } from './element-helpers.ts';
import { parseDuration } from './parse-duration.ts';
import { webLink } from './web-link.ts';

/** A byte count from an attribute: a non-negative integer, else undefined. */
export function parseLength(value: string | undefined): number | undefined {
  const s = value?.trim();
  if (!s || !/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** One enclosure from url/type/length-like attribute values; undefined without an http(s) URL. */
export function makeEnclosure(url: string | undefined, type: string | undefined, length: string | undefined, base: string): ParsedEnclosure | undefined {
  const href = webLink(url, base);
  if (!href) return undefined;
  const enc: ParsedEnclosure = { url: href };
  const t = type?.trim();
  if (t) enc.type = t;
  const len = parseLength(length);
  if (len !== undefined) enc.length = len;
  return enc;
}

/** media:content elements (Media RSS), directly under the item or in media:group. */
function mediaContents(item: XmlElement): XmlElement[] {
  const direct = children(item, 'media:content');
  for (const group of children(item, 'media:group')) direct.push(...children(group, 'media:content'));
  return direct;
}

/** Enclosures from Media RSS media:content that are not images (images become imageUrl). */
export function mediaEnclosures(item: XmlElement): ParsedEnclosure[] {
  const out: ParsedEnclosure[] = [];
  for (const m of mediaContents(item)) {
    const type = m.attrs['type'];
    if (m.attrs['medium'] === 'image' || type?.startsWith('image/')) continue;
    const enc = makeEnclosure(m.attrs['url'], type, m.attrs['fileSize'], m.base);
    if (!enc) continue;
    const duration = parseDuration(m.attrs['duration']);
    if (duration !== undefined) enc.durationSeconds = duration;
    out.push(enc);
  }
  return out;
}

/** The item's picture (an http(s) URL): itunes:image, media:thumbnail, or an image media:content. */
export function itemImage(item: XmlElement): string | undefined {
  const itunes = child(item, 'itunes:image');
  const href = itunes ? webLink(itunes.attrs['href'] ?? childText(itunes, 'url'), itunes.base) : undefined;
  if (href) return href;
  const thumbs = [...children(item, 'media:thumbnail')];
  for (const group of children(item, 'media:group')) thumbs.push(...children(group, 'media:thumbnail'));
  for (const m of mediaContents(item)) thumbs.push(...children(m, 'media:thumbnail'));
  for (const t of thumbs) {
    const url = webLink(t.attrs['url'], t.base);
    if (url) return url;
  }
  for (const m of mediaContents(item)) {
    if (m.attrs['medium'] !== 'image' && !m.attrs['type']?.startsWith('image/')) continue;
    const url = webLink(m.attrs['url'], m.base);
    if (url) return url;
  }
  return undefined;
}

/** Enclosures without repeats (a podcast often lists one file as enclosure and media:content). */
export function dedupeEnclosures(list: ParsedEnclosure[], itemDuration: string | undefined): ParsedEnclosure[] {
  const seen = new Set<string>();
  const out: ParsedEnclosure[] = [];
  for (const enc of list) {
    if (seen.has(enc.url)) continue;
    seen.add(enc.url);
    out.push(enc);
  }
  // itunes:duration describes the episode's media: the first enclosure that lacks a duration.
  const seconds = parseDuration(itemDuration);
  const target = out.find((e) => e.durationSeconds === undefined);
  if (seconds !== undefined && target) target.durationSeconds = seconds;
  return out;
}

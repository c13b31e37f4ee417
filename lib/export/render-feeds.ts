/** rss20.xml and atom.xml of an exported Planet: the merged river as feeds Orrery's own parser reads back intact. */
import type { StoredPost } from '../db/types';
import { escapeMarkup as e } from './escape-markup';
import { webUrlOrUndefined } from '../util/web-url';
import { exportIds } from './export-ids';
import type { PlanetSource } from './planet-types';

/** The post's publication instant as the river shows it (a post without a date sorts by first seen). */
function publishedAt(post: StoredPost): number {
  return post.published ?? post.sortKey;
}

function rssItem(post: StoredPost, src: PlanetSource, id: string): string {
  const feed = src.feeds.get(post.feedId);
  const url = webUrlOrUndefined(post.url);
  const feedUrl = webUrlOrUndefined(feed?.url);
  const content = src.contentOf(post);
  const parts = [
    '<item>',
    `<title>${e(post.title)}</title>`,
    ...(url ? [`<link>${e(url)}</link>`] : []),
    `<guid isPermaLink="false">${e(id)}</guid>`,
    `<pubDate>${new Date(publishedAt(post)).toUTCString()}</pubDate>`,
    ...(post.author ? [`<dc:creator>${e(post.author)}</dc:creator>`] : []),
    ...post.categories.map((c) => `<category>${e(c)}</category>`),
    ...(content ? [`<description>${e(content)}</description>`] : []),
  ];
  // RSS allows one enclosure per item; the first web one (the episode) is kept.
  const enclosure = post.enclosures.find((x) => webUrlOrUndefined(x.url));
  if (enclosure) parts.push(`<enclosure url="${e(enclosure.url)}" length="${enclosure.length ?? 0}" type="${e(enclosure.type ?? 'application/octet-stream')}"/>`);
  if (feed && feedUrl) parts.push(`<source url="${e(feedUrl)}">${e(feed.title || feedUrl)}</source>`);
  parts.push('</item>');
  return parts.join('\n');
}

/** The merged river as RSS 2.0 (items newest first, each with its feed as <source>). */
export function renderRss(src: PlanetSource): string {
  const idOf = exportIds(src.posts, src.feeds);
  const address = webUrlOrUndefined(src.address);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${e(src.title)}</title>`,
    ...(address ? [`<link>${e(address)}</link>`, `<atom:link href="${e(new URL('rss20.xml', address).href)}" rel="self" type="application/rss+xml"/>`] : []),
    `<description>${e(`${src.title}: posts of ${src.feeds.size} feed${src.feeds.size === 1 ? '' : 's'}, merged by Orrery`)}</description>`,
    `<lastBuildDate>${new Date(src.now).toUTCString()}</lastBuildDate>`,
    '<generator>Orrery</generator>',
    ...src.posts.map((p) => rssItem(p, src, idOf(p))),
    '</channel>',
    '</rss>',
    '',
  ];
  return out.join('\n');
}

function atomEntry(post: StoredPost, src: PlanetSource, id: string): string {
  const feed = src.feeds.get(post.feedId);
  const url = webUrlOrUndefined(post.url);
  const content = src.contentOf(post);
  const updated = post.updated ?? publishedAt(post);
  const parts = [
    '<entry>',
    `<id>${e(id)}</id>`,
    `<title type="text">${e(post.title)}</title>`,
    ...(url ? [`<link rel="alternate" type="text/html" href="${e(url)}"/>`] : []),
    `<published>${new Date(publishedAt(post)).toISOString()}</published>`,
    `<updated>${new Date(updated).toISOString()}</updated>`,
    ...(post.author ? [`<author><name>${e(post.author)}</name></author>`] : []),
    ...post.categories.map((c) => `<category term="${e(c)}"/>`),
    ...post.enclosures
      .filter((x) => webUrlOrUndefined(x.url))
      .map((x) => `<link rel="enclosure" href="${e(x.url)}"${x.type ? ` type="${e(x.type)}"` : ''}${x.length ? ` length="${x.length}"` : ''}/>`),
    ...(content ? [`<content type="html">${e(content)}</content>`] : []),
  ];
  const feedUrl = webUrlOrUndefined(feed?.url);
  if (feed && feedUrl) {
    const site = webUrlOrUndefined(feed.siteUrl);
    parts.push(
      `<source><id>${e(feedUrl)}</id><title type="text">${e(feed.title || feedUrl)}</title><link rel="self" href="${e(feedUrl)}"/>${site ? `<link rel="alternate" href="${e(site)}"/>` : ''}</source>`,
    );
  }
  parts.push('</entry>');
  return parts.join('\n');
}

/** The merged river as Atom 1.0 (entries newest first, each with its feed as <source>). */
export function renderAtom(src: PlanetSource, feedId: string): string {
  const idOf = exportIds(src.posts, src.feeds);
  const address = webUrlOrUndefined(src.address);
  const newest = src.posts.reduce((m, p) => Math.max(m, p.updated ?? publishedAt(p)), 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${e(address ? new URL('atom.xml', address).href : feedId)}</id>`,
    `<title type="text">${e(src.title)}</title>`,
    `<updated>${new Date(newest || src.now).toISOString()}</updated>`,
    // Atom asks every entry for an author; the Planet's name stands in where a post names none.
    `<author><name>${e(src.title)}</name></author>`,
    ...(address ? [`<link rel="self" type="application/atom+xml" href="${e(new URL('atom.xml', address).href)}"/>`, `<link rel="alternate" type="text/html" href="${e(address)}"/>`] : []),
    '<generator>Orrery</generator>',
    ...src.posts.map((p) => atomEntry(p, src, idOf(p))),
    '</feed>',
    '',
  ];
  return out.join('\n');
}

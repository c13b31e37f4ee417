/** The five files of an exported Planet, and the one .zip that holds them. */
import { strToU8, zipSync } from 'fflate';
import { serializeOpml } from '../opml/serialize-opml';
import { webUrlOrUndefined } from '../util/web-url';
import { renderPlanetHtml, renderTitlesHtml } from './render-planet-html';
import { renderAtom, renderRss } from './render-feeds';
import { postKeyId } from '../db/post-key-id';
import type { PlanetSource } from './planet-types';

/** The files of a Planet, by name. */
export type PlanetFiles = Record<'index.html' | 'titles.html' | 'rss20.xml' | 'atom.xml' | 'opml.xml', string>;

/** Renders every file of the Planet; `feedId` is the Atom feed's id when no address is given (urn:uuid:…). */
export function buildPlanetFiles(src: PlanetSource, feedId: string): PlanetFiles {
  // Content is cleaned once per post and shared by index.html and both feeds.
  const cache = new Map<string, string | undefined>();
  const contentOf: PlanetSource['contentOf'] = (post) => {
    const key = postKeyId(post.feedId, post.id);
    if (!cache.has(key)) cache.set(key, src.contentOf(post));
    return cache.get(key);
  };
  const s: PlanetSource = { ...src, contentOf };
  const feeds = [...src.feeds.values()].filter((f) => webUrlOrUndefined(f.url));
  return {
    'index.html': renderPlanetHtml(s),
    'titles.html': renderTitlesHtml(s),
    'rss20.xml': renderRss(s),
    'atom.xml': renderAtom(s, feedId),
    'opml.xml': serializeOpml(
      feeds.map((f) => {
        const site = webUrlOrUndefined(f.siteUrl);
        return { url: f.url, title: f.title, ...(site ? { siteUrl: site } : {}), ...(f.folder ? { folder: f.folder } : {}) };
      }),
      { title: src.title, dateCreated: new Date(src.now) },
    ),
  };
}

/** The files in one .zip (DEFLATE at its fastest level). */
export function zipPlanet(files: PlanetFiles, now: number): Uint8Array {
  const mtime = new Date(now);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, text] of Object.entries(files)) entries[name] = [strToU8(text), { mtime }];
  // Level 1: twice as fast as 6 here (2.4 s against 5.1 s for 20 MB of HTML in Node) for a zip
  // still about a ninth of the text; exports are made once and downloaded locally.
  return zipSync(entries, { level: 1 });
}

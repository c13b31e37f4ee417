/** Exports the river as a static Planet .zip, in a page (the sanitizer needs a DOM). */
import type { Db } from '../db/open-db';
import type { StoredPost } from '../db/types';
import { sanitizeHtml } from '../sanitize/sanitize-html';
import { buildPlanetFiles, zipPlanet } from './build-planet';
import { readRiver } from './read-river';
import { webLinksOnly } from './web-links-only';

/** What to export. */
export interface PlanetExportOptions {
  /** One folder, or everything when undefined. */
  folder?: string;
  /** The Planet's name. */
  title: string;
  /** Where it will be published (http(s)), for the feeds' self links. */
  address?: string;
  /** Most posts, newest first. */
  limit?: number;
  onProgress?: (step: string) => void;
}

/** The export: the zip's bytes and what it holds. */
export interface PlanetExport {
  zip: Uint8Array;
  posts: number;
  feeds: number;
}

const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Reads the river, cleans every post's content through the one sanitizer configuration (then
 * drops non-web links), renders the five files and zips them. Content is cleaned in slices
 * with a yield between them, so the page stays responsive and can show progress.
 */
export async function exportPlanet(db: Db, opts: PlanetExportOptions): Promise<PlanetExport> {
  const now = Date.now();
  opts.onProgress?.('Reading posts…');
  // Each step is a User Timing measure, so `npm run bench:export` can say where the time goes.
  let t = performance.now();
  const step = (name: string) => {
    performance.measure(`orrery:export-${name}`, { start: t });
    t = performance.now();
  };
  const river = await readRiver(db, { ...(opts.folder !== undefined ? { folder: opts.folder } : {}), ...(opts.limit ? { limit: opts.limit } : {}) });
  step('read');
  const clean = new Map<StoredPost, string | undefined>();
  for (let i = 0; i < river.posts.length; i++) {
    const post = river.posts[i] as StoredPost;
    const html = post.contentHtml ?? post.summary;
    clean.set(post, html ? webLinksOnly(sanitizeHtml(html, post.url ? { baseUrl: post.url } : {})) || undefined : undefined);
    if (i % 250 === 249) {
      opts.onProgress?.(`Cleaning content: ${i + 1} of ${river.posts.length} posts…`);
      await yieldToPage();
    }
  }
  step('clean');
  opts.onProgress?.('Writing the files…');
  await yieldToPage();
  t = performance.now();
  const files = buildPlanetFiles(
    { title: opts.title, ...(opts.address ? { address: opts.address } : {}), now, posts: river.posts, feeds: river.feeds, contentOf: (p) => clean.get(p) },
    `urn:uuid:${crypto.randomUUID()}`,
  );
  step('render');
  const zip = zipPlanet(files, now);
  step('zip');
  return { zip, posts: river.posts.length, feeds: river.feeds.size };
}

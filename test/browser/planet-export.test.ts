/**
 * "Publish your Planet" end to end in real Chromium: the options page's button downloads one
 * .zip; it holds the five files; the feeds are re-read by Orrery's own parser with every post the
 * river shows; the pages carry no script; a folder's export holds only that folder.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/feed/parse-feed';
import { parseOpml } from '../../lib/opml/parse-opml';
import { RIVER_FEEDS, setupRiver, type RiverFixture } from './river-setup';

let fx: RiverFixture;
let options: Page;

beforeAll(async () => {
  fx = await setupRiver();
  options = await fx.orrery.open('/options.html');
});

afterAll(() => fx?.close());

/** Clicks the export button and returns the files of the downloaded zip. */
async function exportZip(): Promise<Record<string, string>> {
  const [download] = await Promise.all([options.waitForEvent('download', { timeout: 60_000 }), options.getByTestId('planet-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^planet-[\w-]+-\d{4}-\d\d-\d\d\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** Every post the river shows, newest first, as [title, url, sortKey]. */
function riverPosts(page: Page, folder?: string): Promise<{ title: string; url?: string; sortKey: number; published?: number }[]> {
  return page.evaluate(async (folder) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('orrery');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<{ title: string; url?: string; sortKey: number; published?: number; folder: string; hiddenBy?: string; dupOf?: unknown }[]>((resolve) => {
      const r = db.transaction('posts').objectStore('posts').getAll();
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return all
      .filter((p) => (folder === undefined || p.folder === folder) && p.hiddenBy === undefined && p.dupOf === undefined)
      .sort((a, b) => b.sortKey - a.sortKey)
      .map((p) => ({ title: p.title, sortKey: p.sortKey, ...(p.url ? { url: p.url } : {}), ...(p.published !== undefined ? { published: p.published } : {}) }));
  }, folder);
}

describe('Planet export', () => {
  it('downloads one zip with index.html, titles.html, rss20.xml, atom.xml and opml.xml of everything', async () => {
    const files = await exportZip();
    expect(Object.keys(files).sort()).toEqual(['atom.xml', 'index.html', 'opml.xml', 'rss20.xml', 'titles.html']);
    await expect.poll(() => options.getByTestId('planet-export-status').textContent()).toMatch(/^Exported \d+ posts of 7 feeds/);
    const stored = await riverPosts(options);
    expect(stored.length).toBeGreaterThan(20);

    for (const [name, precision] of [['rss20.xml', 1000], ['atom.xml', 1]] as const) {
      const parsed = parseFeed(new TextEncoder().encode(files[name]), { url: `https://planet.example/${name}`, maxItems: 100_000 });
      if (!parsed.ok) throw new Error(`${name}: ${parsed.error.message}`);
      // Every post, its title, link and date (posts of the same instant may come in any order).
      const got = parsed.feed.items.map((i) => JSON.stringify([i.published, i.title, i.url ?? null])).sort();
      const want = stored.map((p) => JSON.stringify([Math.floor((p.published ?? p.sortKey) / precision) * precision, p.title, p.url?.startsWith('http') ? p.url : null])).sort();
      expect(got, name).toEqual(want);
      // Newest first, as the river.
      const dates = parsed.feed.items.map((i) => i.published ?? 0);
      expect(dates, name).toEqual([...dates].sort((a, b) => b - a));
    }

    const opml = parseOpml(files['opml.xml']!);
    if (!opml.ok) throw new Error(opml.error);
    expect(opml.feeds.map((f) => f.url).sort()).toEqual(RIVER_FEEDS.map(([u]) => u).sort());

    // The pages, opened as a browser would: day headings, feeds under their names, no script.
    const page = await fx.orrery.context.newPage();
    await page.setContent(files['index.html']!);
    expect(await page.locator('script, iframe, object, embed, form, [onerror], [onload], [onclick]').count()).toBe(0);
    expect(await page.locator('main h2.day').count()).toBeGreaterThan(3);
    expect(await page.locator('main h3.feed').allTextContents()).toContain('Python Bytes');
    expect(await page.locator('article').count()).toBe(stored.length);
    const hrefs = await page.locator('[href], [src]').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''));
    expect(hrefs.filter((h) => !/^(https?:\/\/|#|[\w.-]+\.(html|xml)$)/.test(h))).toEqual([]);
    await page.setContent(files['titles.html']!);
    expect(await page.locator('ul.titles li').count()).toBe(stored.length);
    await page.close();
  });

  it('exports one folder only', async () => {
    await options.getByTestId('planet-export-folder').selectOption('Podcasts');
    const files = await exportZip();
    const stored = await riverPosts(options, 'Podcasts');
    const parsed = parseFeed(new TextEncoder().encode(files['atom.xml']), { url: 'https://planet.example/atom.xml', maxItems: 100_000 });
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.feed.items.map((i) => i.title).sort()).toEqual(stored.map((p) => p.title).sort());
    const opml = parseOpml(files['opml.xml']!);
    if (!opml.ok) throw new Error(opml.error);
    expect(opml.feeds.map((f) => f.folder)).toEqual(['Podcasts', 'Podcasts']);
  });
});

// @vitest-environment jsdom
// jsdom, never happy-dom: DOMPurify relies on a spec-conformant HTML parser to be safe.
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { StoredFeed, StoredPost } from '../db/types';
import { parseFeed } from '../feed/parse-feed';
import { parseOpml } from '../opml/parse-opml';
import { sanitizeHtml } from '../sanitize/sanitize-html';
import { buildPlanetFiles, zipPlanet } from './build-planet';
import type { PlanetSource } from './planet-types';
import { webLinksOnly } from './web-links-only';

function feed(id: string, title: string, folder = ''): StoredFeed {
  return {
    id, url: `https://${id}.example/feed.xml`, siteUrl: `https://${id}.example/`, title, folder, state: 'active', addedAt: 0,
    nextCheckAt: 0, intervalMs: 0, scheduleReason: '', errorCount: 0, fetchCount: 0, notModifiedCount: 0, bytesReceived: 0,
  };
}

function post(feedId: string, id: string, title: string, sortKey: number, extra: Partial<StoredPost> = {}): StoredPost {
  return { feedId, id, title, sortKey, published: sortKey, firstSeen: sortKey, enclosures: [], categories: [], read: 0, starred: 0, folder: '', updatedAt: 0, ...extra };
}

const T = Date.UTC(2026, 4, 27, 16, 44, 12, 345);
const feeds = new Map([['a', feed('a', 'Armin & Co')], ['b', feed('b', 'Bytes <Podcast>', 'Podcasts')], ['c', feed('c', 'Ça va')]]);
const posts: StoredPost[] = [
  post('a', 'https://a.example/p/3', 'Tom & Jerry: <b> isn’t bold', T, { url: 'https://a.example/p/3', author: 'Armin', contentHtml: '<p>Hi <script>alert(1)</script><a href="javascript:alert(2)">x</a> <a href="mailto:me@a.example">mail</a> <img src="rel.png" onerror="alert(3)"></p>', categories: ['python', 'web'] }),
  post('a', 'guid-2', 'Second, same day', T - 3_600_000, { url: 'https://a.example/p/2', summary: 'Just a summary' }),
  post('b', 'ep-1', 'Episode 1', T - 2 * 86_400_000, { url: 'https://b.example/ep/1', enclosures: [{ url: 'https://b.example/ep1.mp3', type: 'audio/mpeg', length: 1234 }] }),
  // No date of its own: the river sorts it by first seen, and so does the export.
  post('c', 'no-date', 'Sans date', T - 3 * 86_400_000, { published: undefined, url: 'https://c.example/x' }),
  post('c', 'bad-link', 'A data: link', T - 4 * 86_400_000, { url: 'data:text/html,<script>alert(1)</script>' }),
  // The same id in two feeds (a cross-post) must still give two distinct entries.
  post('b', 'https://shared.example/1', 'Cross-post B', T - 5 * 86_400_000, { url: 'https://shared.example/1' }),
  post('c', 'https://shared.example/1', 'Cross-post C', T - 5 * 86_400_000 - 1000, { url: 'https://shared.example/1' }),
];

function source(): PlanetSource {
  return {
    title: 'Planet <Test>', address: 'https://planet.example/', now: T + 60_000, posts, feeds,
    contentOf: (p) => {
      const html = p.contentHtml ?? p.summary;
      return html ? webLinksOnly(sanitizeHtml(html, p.url ? { baseUrl: p.url } : {})) : undefined;
    },
  };
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('Planet export: feeds round-trip through Orrery’s own parser', () => {
  const files = buildPlanetFiles(source(), 'urn:uuid:00000000-0000-4000-8000-000000000000');

  for (const [name, precision] of [['rss20.xml', 1000], ['atom.xml', 1]] as const) {
    it(`${name}: every post, its title, link, date and author come back`, () => {
      const parsed = parseFeed(bytes(files[name]), { url: `https://planet.example/${name}`, maxItems: 10_000 });
      if (!parsed.ok) throw new Error(parsed.error.message);
      expect(parsed.feed.title).toBe('Planet <Test>');
      const items = parsed.feed.items;
      expect(items).toHaveLength(posts.length);
      expect(new Set(items.map((i) => i.id)).size).toBe(posts.length);
      posts.forEach((p, k) => {
        const item = items[k]!;
        expect(item.title).toBe(p.title);
        expect(item.url).toBe(p.url?.startsWith('http') ? p.url : undefined);
        expect(item.published).toBe(Math.floor((p.published ?? p.sortKey) / precision) * precision);
        expect(item.author).toBe(p.author ?? (name === 'atom.xml' ? 'Planet <Test>' : undefined));
      });
      expect(items[0]!.categories).toEqual(['python', 'web']);
      expect(items[2]!.enclosures[0]).toMatchObject({ url: 'https://b.example/ep1.mp3', type: 'audio/mpeg', length: 1234 });
      // Content is the sanitized HTML: no script, no javascript: or mailto: link, relative image resolved.
      const content = items[0]!.contentHtml ?? items[0]!.summary ?? '';
      expect(content).toContain('https://a.example/p/rel.png');
      expect(content).not.toMatch(/script|javascript:|onerror|mailto:/i);
    });
  }

  it('opml.xml lists the subscriptions with their folders', () => {
    const r = parseOpml(files['opml.xml']);
    if (!r.ok) throw new Error('not OPML');
    expect(r.feeds.map((f) => [f.url, f.title, f.folder ?? ''])).toEqual([
      ['https://a.example/feed.xml', 'Armin & Co', ''],
      ['https://b.example/feed.xml', 'Bytes <Podcast>', 'Podcasts'],
      ['https://c.example/feed.xml', 'Ça va', ''],
    ]);
  });
});

describe('Planet export: the pages', () => {
  const files = buildPlanetFiles(source(), 'urn:uuid:x');
  const page = new DOMParser().parseFromString(files['index.html'], 'text/html');

  it('index.html: day headings, then each feed’s posts under its name, newest first', () => {
    const days = [...page.querySelectorAll('main > section.day')];
    expect(days.map((d) => d.querySelector('h2')?.textContent)).toEqual(['May 27, 2026', 'May 25, 2026', 'May 24, 2026', 'May 23, 2026', 'May 22, 2026']);
    const first = days[0]!.querySelectorAll('section.feed');
    expect(first).toHaveLength(1);
    expect(first[0]!.querySelector('h3')?.textContent).toBe('Armin & Co');
    expect([...first[0]!.querySelectorAll('article h4')].map((h) => h.textContent)).toEqual(['Tom & Jerry: <b> isn’t bold', 'Second, same day']);
    expect(days[4]!.querySelectorAll('section.feed h3')).toHaveLength(2);
  });

  it('carries no script and no link that is not http(s)', () => {
    for (const name of ['index.html', 'titles.html'] as const) {
      const doc = new DOMParser().parseFromString(files[name], 'text/html');
      expect(doc.querySelectorAll('script, iframe, object, embed, form')).toHaveLength(0);
      for (const el of doc.querySelectorAll('*')) {
        for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), `${name}: ${attr}`).toBe(false);
      }
      for (const a of doc.querySelectorAll('[href],[src]')) {
        const v = a.getAttribute('href') ?? a.getAttribute('src') ?? '';
        expect(/^(https?:\/\/|#|[\w.-]+\.(?:html|xml)$)/.test(v), `${name}: ${v}`).toBe(true);
      }
      expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
    }
    // The data: post is listed, as text.
    expect([...page.querySelectorAll('article h4')].some((h) => h.textContent === 'A data: link' && !h.querySelector('a'))).toBe(true);
  });

  it('titles.html lists every post once under its day', () => {
    const doc = new DOMParser().parseFromString(files['titles.html'], 'text/html');
    expect(doc.querySelectorAll('ul.titles li')).toHaveLength(posts.length);
  });
});

describe('Planet export: the zip', () => {
  it('holds the five files, byte for byte', () => {
    const files = buildPlanetFiles(source(), 'urn:uuid:x');
    const unzipped = unzipSync(zipPlanet(files, T));
    expect(Object.keys(unzipped).sort()).toEqual(['atom.xml', 'index.html', 'opml.xml', 'rss20.xml', 'titles.html']);
    for (const [name, text] of Object.entries(files)) expect(strFromU8(unzipped[name]!)).toBe(text);
  });
});

describe('webLinksOnly', () => {
  it('drops every URL that is not http(s), keeping fragments, and leaves web-only HTML untouched', () => {
    const out = webLinksOnly('<a href="mailto:x@y.example">m</a> <a href="#user-content-fn1">1</a> <img src="data:image/png;base64,AAAA"> <img srcset="https://a.example/1.png 1x, ftp://b.example/2.png 2x"> <q cite="tel:123">q</q>');
    expect(out).toBe('<a>m</a> <a href="#user-content-fn1">1</a> <img> <img srcset="https://a.example/1.png 1x"> <q>q</q>');
    const web = '<p><a href="https://a.example/">a</a><img src="http://b.example/i.png"></p>';
    expect(webLinksOnly(web)).toBe(web);
  });
});

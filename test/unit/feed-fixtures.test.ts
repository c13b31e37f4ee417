import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/feed/parse-feed.ts';
import type { ParsedFeed } from '../../lib/feed/types.ts';

// The real-world fixtures (test/fixtures/feeds) and the posts a Planet page showed from them
// (posts.json). posts.json carries titles and instants only, so links and enclosures are checked
// against the manifest (feed host, podcast quirks) rather than against posts.json.

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

interface ManifestEntry {
  feed_name: string;
  format: string;
  items: number;
  xml_url: string;
  quirks: string[];
}
interface Post {
  feed_name: string;
  title: string;
  published: string;
  time_source: 'timestamp' | 'posted-on (zone assumed UTC)' | 'date-heading+offset';
}

const manifest = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'manifest.json'), 'utf8')) as Record<string, ManifestEntry>;
const posts = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'posts.json'), 'utf8')) as Post[];
const feedFiles = Object.keys(manifest).filter((f) => f.startsWith('feeds/'));

const parsed = new Map<string, ParsedFeed>();
function feedNamed(name: string): ParsedFeed {
  const file = feedFiles.find((f) => manifest[f]?.feed_name === name);
  if (!file) throw new Error(`no fixture for ${name}`);
  return parseFixture(file);
}
function parseFixture(file: string): ParsedFeed {
  const cached = parsed.get(file);
  if (cached) return cached;
  const entry = manifest[file] as ManifestEntry;
  const result = parseFeed(new Uint8Array(fs.readFileSync(path.join(FIXTURES, file))), { url: entry.xml_url });
  if (!result.ok) throw new Error(`${file}: ${result.error.message}`);
  parsed.set(file, result.feed);
  return result.feed;
}

const FORMATS: Record<string, ParsedFeed['format']> = {
  'RSS 2.0': 'rss',
  'Atom 1.0': 'atom',
  'RSS 1.0 (RDF)': 'rdf',
  'JSON Feed 1.1': 'json',
};

describe('fixture feeds', () => {
  it('every file in test/fixtures/feeds is in the manifest', () => {
    const onDisk = fs.readdirSync(path.join(FIXTURES, 'feeds')).map((f) => `feeds/${f}`).sort();
    expect(onDisk).toEqual([...feedFiles].sort());
  });

  it.each(feedFiles)('%s parses with the format, item count and feed title the manifest gives', (file) => {
    const entry = manifest[file] as ManifestEntry;
    const feed = parseFixture(file);
    expect(feed.format).toBe(FORMATS[entry.format]);
    expect(feed.items).toHaveLength(entry.items);
    expect(feed.title).toBe(entry.feed_name);
  });

  it.each(feedFiles)('%s: every item has a title, a unique id and an absolute link on the feed host', (file) => {
    const entry = manifest[file] as ManifestEntry;
    const feed = parseFixture(file);
    const host = new URL(entry.xml_url).host;
    for (const item of feed.items) {
      expect(item.title).not.toBe('');
      expect(new URL(item.url ?? 'missing:').host).toBe(host);
    }
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
  });

  it('podcast episodes carry their audio enclosure with length and itunes:duration', () => {
    const feed = feedNamed('Python Bytes');
    for (const item of feed.items) {
      expect(item.enclosures).toHaveLength(1);
      const [enc] = item.enclosures;
      expect(enc?.type).toBe('audio/mpeg');
      expect(enc?.url).toMatch(/^http:\/\/pythonbytes\.example\/episodes\/download\/\d+\.mp3$/);
      expect(enc?.length).toBeGreaterThan(0);
      expect(enc?.durationSeconds).toBeGreaterThan(0);
    }
    expect(feed.items[0]?.enclosures[0]).toEqual({
      url: 'http://pythonbytes.example/episodes/download/481.mp3',
      type: 'audio/mpeg',
      length: 23632000,
      durationSeconds: 24 * 60 + 37,
    });
  });

  it('no fixture item invents an enclosure', () => {
    for (const file of feedFiles) {
      if (manifest[file]?.quirks.some((q) => q.includes('enclosure'))) continue;
      for (const item of parseFixture(file).items) expect(item.enclosures).toEqual([]);
    }
  });
});

describe('posts.json (what Planet Python showed) matches the parsed fixtures', () => {
  const itemFor = (post: Post) => {
    const item = feedNamed(post.feed_name).items.find((i) => i.title === post.title);
    if (!item) throw new Error(`${post.feed_name}: no item titled ${JSON.stringify(post.title)}`);
    return item;
  };

  // "timestamp" and "posted-on" entries show an exact instant: the post's published time
  // (updated for the Atom feeds that only have <updated>).
  const exact = posts.filter((p) => p.time_source !== 'date-heading+offset');
  it.each(exact.map((p) => [p.feed_name, p.title, p] as const))('%s — %s: exact instant', (_f, _t, post) => {
    const item = itemFor(post);
    expect(item.published ?? item.updated).toBe(Date.parse(post.published));
  });

  // "date-heading+offset" entries only know the day heading they sat under; the minutes are a
  // position offset invented by the snapshotter, and Planet files an edited post under the day of
  // its update. So: the heading's day is the UTC day of published or of updated.
  const dayOnly = posts.filter((p) => p.time_source === 'date-heading+offset');
  it.each(dayOnly.map((p) => [p.feed_name, p.title, p] as const))('%s — %s: same day', (_f, _t, post) => {
    const item = itemFor(post);
    const day = post.published.slice(0, 10);
    const days = [item.published, item.updated].filter((t) => t !== undefined).map((t) => new Date(t).toISOString().slice(0, 10));
    expect(days).toContain(day);
  });
});

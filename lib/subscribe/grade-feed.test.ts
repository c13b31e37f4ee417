import { describe, expect, it } from 'vitest';
import { parseFeed } from '../feed/parse-feed';
import type { ParsedFeed } from '../feed/types';
import { contentDepth } from './content-depth';
import { formatLabel } from './format-label';
import { gradeFeed } from './grade-feed';
import { gradeLines } from './grade-words';

const NOW = Date.UTC(2026, 5, 1);
const enc = (s: string) => new TextEncoder().encode(s);

function feedOf(xml: string): ParsedFeed {
  const r = parseFeed(enc(xml), { url: 'https://blog.example/feed' });
  if (!r.ok) throw new Error(r.error.message);
  return r.feed;
}

const long = '<p>' + 'A sentence of a whole article. '.repeat(40) + '</p>';
const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>B</title>${items}</channel></rss>`;
const item = (i: number, body: string, extra = '') => `<item><title>T${i}</title><guid>g${i}</guid><pubDate>${new Date(NOW - i * 86_400_000).toUTCString()}</pubDate>${body}${extra}</item>`;

describe('grading a feed', () => {
  it('tells full text from summaries and titles only', () => {
    expect(contentDepth(feedOf(rss([1, 2, 3].map((i) => item(i, `<content:encoded><![CDATA[${long}]]></content:encoded>`)).join(''))).items)).toBe('full');
    expect(contentDepth(feedOf(rss([1, 2, 3].map((i) => item(i, '<description>A short teaser […]</description>')).join(''))).items)).toBe('summary');
    expect(contentDepth(feedOf(rss([1, 2, 3].map((i) => item(i, `<description><![CDATA[${long} <a href="x">Continue reading</a>]]></description>`)).join(''))).items)).toBe('summary');
    expect(contentDepth(feedOf(rss([1, 2].map((i) => item(i, '')).join(''))).items)).toBe('titles');
  });

  it('names the format and version', () => {
    expect(formatLabel('rss', '<rss version="2.0">')).toBe('RSS 2.0');
    expect(formatLabel('rss', "<rss version='0.91'>")).toBe('RSS 0.91');
    expect(formatLabel('atom', '<feed xmlns="http://www.w3.org/2005/Atom">')).toBe('Atom 1.0');
    expect(formatLabel('atom', '<feed version="0.3" xmlns="http://purl.org/atom/ns#">')).toBe('Atom 0.3');
    expect(formatLabel('json', '{"version": "https://jsonfeed.org/version/1.1"')).toBe('JSON Feed 1.1');
    expect(formatLabel('rdf', '<rdf:RDF>')).toBe('RSS 1.0 (RDF)');
  });

  it('grades posts, cadence, episodes and validators, and says it in words', () => {
    const xml = rss([0, 7, 14].map((i) => item(i, '<description>Short.</description>', '<enclosure url="https://cdn.example/e.mp3" type="audio/mpeg" length="1"/>')).join(''));
    const g = gradeFeed(feedOf(xml), { headers: { etag: '"x"' }, byteCount: 1234, bytes: enc(xml) }, NOW);
    expect(g).toMatchObject({ format: 'RSS 2.0', content: 'summary', lastPostAt: NOW, cadence: 'about 1 post a week', etag: true, lastModified: false, itemCount: 3, episodes: 3, bytes: 1234 });
    const lines = gradeLines(g, NOW);
    expect(lines.find((l) => l.label === 'Checks')).toMatchObject({ good: true, value: expect.stringContaining('ETag') });
    expect(lines.find((l) => l.label === 'Posting')?.value).toBe('about 1 post a week (3 posts in the feed, 3 with audio or video)');
    const bare = gradeLines({ ...g, etag: false }, NOW).find((l) => l.label === 'Checks');
    expect(bare).toMatchObject({ good: false, value: expect.stringContaining('downloads the whole feed (1 KB)') });
  });
});

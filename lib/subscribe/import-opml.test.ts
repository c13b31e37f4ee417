import { beforeEach, describe, expect, it } from 'vitest';
import { addFeeds } from '../db/feeds';
import type { Db } from '../db/open-db';
import { freshDb } from '../db/test-db';
import { importOpml } from './import-opml';

const NOW = Date.UTC(2026, 5, 1);
const opml = (body: string) => `<?xml version="1.0"?><opml version="2.0"><head><title>List</title></head><body>${body}</body></opml>`;
const feed = (url: string, text = url) => `<outline type="rss" text="${text}" xmlUrl="${url}"/>`;

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});

describe('importOpml', () => {
  it('adds nested folders, skips duplicates with their reason, reports invalid outlines', async () => {
    await addFeeds(db, [{ url: 'https://old.example/feed', title: 'Old', firstCheckAt: NOW }], NOW);
    const progress: number[] = [];
    const r = await importOpml(
      db,
      opml(`<outline text="A"><outline text="B">${feed('https://a.example/f', 'AF')}</outline>${feed('https://old.example/feed')}</outline>${feed('https://a.example/f', 'again')}${feed('ftp://x.example/f', 'FTP')}`),
      { now: NOW, onProgress: (done) => progress.push(done) },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report).toMatchObject({
      added: 1,
      title: 'List',
      importedAt: NOW,
      folders: [{ name: 'A / B', count: 1 }],
      skipped: [
        { url: 'https://a.example/f', reason: 'listed twice in this file (also as “AF” in A / B)' },
        { url: 'https://old.example/feed', reason: 'already subscribed' },
      ],
      failed: [{ text: 'FTP', reason: expect.stringContaining('unsupported scheme "ftp:"') }],
    });
    expect(progress.at(-1)).toBe(2);
    const stored = await db.getAll('feeds');
    expect(stored.map((f) => [f.url, f.folder]).sort()).toEqual([
      ['https://a.example/f', 'A / B'],
      ['https://old.example/feed', ''],
    ]);
  });

  it('staggers the first polls of a large import', async () => {
    const body = Array.from({ length: 100 }, (_, i) => feed(`https://h${i}.example/f`)).join('');
    const r = await importOpml(db, opml(body), { now: NOW, random: () => 0.5 });
    expect(r.ok && r.report.firstPollsOverMs).toBe(200_000);
    const due = (await db.getAll('feeds')).map((f) => f.nextCheckAt);
    expect(due.filter((t) => t === NOW)).toHaveLength(4);
    expect(Math.max(...due)).toBeLessThanOrEqual(NOW + 200_000);
  });

  it('refuses a malformed or empty list whole, adding nothing', async () => {
    expect(await importOpml(db, '<opml><body><outline', { now: NOW })).toMatchObject({ ok: false, error: expect.stringContaining('This file is not OPML') });
    expect(await importOpml(db, opml(feed('javascript:alert(1)', 'JS')), { now: NOW })).toEqual({
      ok: false,
      error: 'This OPML file lists no feeds (1 outline could not be used: unsupported scheme "javascript:" (only http, https and feed are allowed)); nothing was imported.',
    });
    expect(await db.count('feeds')).toBe(0);
  });
});

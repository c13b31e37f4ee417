import { beforeEach, describe, expect, it } from 'vitest';
import { addFeeds } from '../db/feeds';
import type { Db } from '../db/open-db';
import { freshDb } from '../db/test-db';
import { confirmSubscription } from './confirm-subscription';
import { createPreviewCache } from './preview-cache';
import { previewUrl, type PreviewDeps } from './preview-url';
import { subscribeToUrl } from './subscribe-url';
import { rss, scriptedFetch, type Scripted } from './test-fetch';

const NOW = Date.UTC(2026, 5, 1);
const html = (head: string) => ({ type: 'text/html; charset=utf-8', body: `<!doctype html><html><head>${head}</head><body></body></html>` });

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});

function deps(routes: Record<string, Scripted>): PreviewDeps & { log: string[] } {
  const { fetch, log } = scriptedFetch(routes);
  return { db, fetch, now: () => NOW, previews: createPreviewCache({ now: () => NOW }), log };
}

describe('previewUrl', () => {
  it('says that site access is missing, and requests nothing, where Orrery may not reach the site', async () => {
    const d = deps({ 'https://a.example/feed': { body: rss('A', 3) } });
    const asked: string[] = [];
    const r = await previewUrl('a.example/feed', { ...d, hostAccess: async (url) => (asked.push(url), false) });
    expect(r).toEqual({ kind: 'error', error: expect.stringMatching(/^Orrery has no access to a\.example: site access is turned off/) });
    expect(asked).toEqual(['https://a.example/feed']);
    expect(d.log).toEqual([]);
    expect((await previewUrl('a.example/feed', { ...d, hostAccess: async () => true })).kind).toBe('feed');
  });

  it('previews a feed and holds its response', async () => {
    const d = deps({ 'https://a.example/feed': { body: rss('A', 3), headers: { etag: '"a1"' } } });
    const r = await previewUrl('a.example/feed', d);
    expect(r.kind).toBe('feed');
    if (r.kind !== 'feed') return;
    expect(r.preview).toMatchObject({ url: 'https://a.example/feed', title: 'A', grade: { format: 'RSS 2.0', etag: true, itemCount: 3 } });
    expect(r.preview.posts.map((p) => p.title)).toEqual(['A 1', 'A 2', 'A 3']);
    expect(d.previews.get(r.preview.token)?.out.headers.etag).toBe('"a1"');
  });

  it('follows the one feed a page links, and lists several to choose from (comments last)', async () => {
    const one = deps({ 'https://b.example/': html('<link rel="alternate" type="application/rss+xml" href="/rss">'), 'https://b.example/rss': { body: rss('B') } });
    const r1 = await previewUrl('https://b.example/', one);
    expect(r1.kind === 'feed' && r1.preview).toMatchObject({ url: 'https://b.example/rss', foundOn: 'https://b.example/' });
    const several = deps({
      'https://c.example/': html(
        '<title>C &amp; co</title><link rel="alternate" type="application/rss+xml" title="C Comments Feed" href="/comments"><link rel="alternate" type="application/rss+xml" title="C" href="/rss"><link rel="alternate" type="application/atom+xml" href="/atom">',
      ),
    });
    const r2 = await previewUrl('https://c.example/', several);
    expect(r2).toEqual({
      kind: 'choices',
      pageUrl: 'https://c.example/',
      pageTitle: 'C & co',
      candidates: [
        { url: 'https://c.example/rss', title: 'C', type: 'rss' },
        { url: 'https://c.example/atom', type: 'atom' },
        { url: 'https://c.example/comments', title: 'C Comments Feed', type: 'rss' },
      ],
    });
    // Only the page was fetched: candidates are previewed when chosen.
    expect(several.log).toEqual(['https://c.example/']);
  });

  it('probes the usual addresses, one at a time, only when asked', async () => {
    const routes = { 'https://d.example/': html(''), 'https://d.example/index.xml': { body: rss('D') } };
    const quiet = deps(routes);
    expect(await previewUrl('https://d.example/', quiet)).toEqual({ kind: 'error', error: 'No feed found at https://d.example/: the page links no RSS, Atom or JSON feed.' });
    expect(quiet.log).toEqual(['https://d.example/']);
    const probing = deps(routes);
    const r = await previewUrl('https://d.example/', probing, { probe: true });
    expect(r.kind === 'feed' && r.preview.url).toBe('https://d.example/index.xml');
    expect(probing.log.slice(0, 5)).toEqual(['https://d.example/', 'https://d.example/feed', 'https://d.example/rss.xml', 'https://d.example/atom.xml', 'https://d.example/index.xml']);
  });

  it('explains each kind of bad address', async () => {
    const d = deps({
      'https://e.example/data.json': { type: 'application/json', body: '{"users": []}' },
      'https://e.example/page': html('<link rel="stylesheet" href="s.css">'),
      'https://e.example/list.opml': { type: 'text/x-opml', body: '<?xml version="1.0"?><opml version="2.0"><body><outline xmlUrl="https://z.example/f"/></body></opml>' },
      'https://e.example/broken': { type: 'application/xml', body: '<?xml version="1.0"?><sitemap/>' },
      'https://e.example/down': { status: 500 },
    });
    const error = async (url: string, probe = false) => {
      const r = await previewUrl(url, d, { probe });
      return r.kind === 'error' ? r.error : r.kind;
    };
    expect(await error('https://e.example/missing')).toBe('Could not read https://e.example/missing: The server answered 404 Not Found: the feed is not at this address.');
    expect(await error('https://e.example/down')).toContain('The server answered 500 Internal Server Error');
    expect(await error('https://e.example/data.json')).toContain('is a JSON document but not a JSON Feed');
    expect(await error('https://e.example/page', true)).toContain('and none of the usual addresses (/feed, /rss.xml, /atom.xml, /index.xml, /feed.json) has one.');
    expect(await error('https://e.example/broken')).toBe('https://e.example/broken is not a feed Orrery can read: root element <sitemap> is not RSS, Atom or RDF.');
    expect(await previewUrl('https://e.example/list.opml', d)).toEqual({ kind: 'opml', url: 'https://e.example/list.opml', feedCount: 1 });
    await addFeeds(db, [{ url: 'https://e.example/feed', title: 'Mine', firstCheckAt: NOW }], NOW);
    expect(await error('https://e.example/feed')).toBe('You are already subscribed to “Mine”.');
  });
});

describe('confirming', () => {
  it('stores the previewed response as the first poll: posts, validators, no second request', async () => {
    const d = deps({ 'https://f.example/feed': { body: rss('F', 4), headers: { etag: '"f1"', 'last-modified': 'Mon, 01 Jun 2026 00:00:00 GMT' } } });
    const r = await previewUrl('https://f.example/feed', d);
    if (r.kind !== 'feed') throw new Error(r.kind);
    const c = await confirmSubscription({ token: r.preview.token, url: r.preview.url, folder: 'News' }, d);
    expect(c).toMatchObject({ ok: true, title: 'F' });
    expect(d.log).toEqual(['https://f.example/feed']);
    const feeds = await db.getAll('feeds');
    expect(feeds[0]).toMatchObject({ url: 'https://f.example/feed', folder: 'News', fetchCount: 1, lastStatus: 'ok', etag: '"f1"', lastModified: 'Mon, 01 Jun 2026 00:00:00 GMT' });
    expect(await db.count('posts')).toBe(4);
    // The same token again: already subscribed, nothing added.
    expect(await confirmSubscription({ token: r.preview.token, url: r.preview.url }, d)).toEqual({ ok: false, error: 'You are already subscribed to “F”.' });
  });

  it('fetches again when the held response is gone (a restarted worker)', async () => {
    const d = deps({ 'https://g.example/feed': { body: rss('G') } });
    const r = await previewUrl('https://g.example/feed', d);
    if (r.kind !== 'feed') throw new Error(r.kind);
    const restarted = { ...d, previews: createPreviewCache({ now: () => NOW }) };
    expect(await confirmSubscription({ token: r.preview.token, url: r.preview.url }, restarted)).toMatchObject({ ok: true });
    expect(d.log).toEqual(['https://g.example/feed', 'https://g.example/feed']);
  });

  it('subscribes in one step, or returns the choices of a site with several feeds', async () => {
    const d = deps({
      'https://h.example/': html('<link rel="alternate" type="application/rss+xml" href="/a"><link rel="alternate" type="application/rss+xml" href="/b">'),
      'https://h.example/a': { body: rss('HA') },
    });
    const several = await subscribeToUrl('https://h.example/', {}, d);
    expect(several).toMatchObject({ ok: false, pageUrl: 'https://h.example/', choices: [{ url: 'https://h.example/a' }, { url: 'https://h.example/b' }] });
    expect(await subscribeToUrl('https://h.example/a', { title: 'Mine' }, d)).toMatchObject({ ok: true, title: 'Mine' });
  });
});

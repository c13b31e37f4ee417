// @vitest-environment jsdom
// The DOM extraction runs in (an offscreen document or Firefox's event page), as jsdom gives it.
import { describe, expect, it } from 'vitest';
import { addFeeds } from '../db/feeds';
import { commitPoll } from '../db/posts';
import { freshDb } from '../db/test-db';
import type { ParsedItem } from '../feed/types';
import { createArticleLoader } from './article-loader';
import { getArticle, getPost } from './article-store';
import { extractFromHtml } from './extract-article';
import { createHostBackoff } from './host-backoff';
import type { ArticleDeps } from './load-article';

const parser = new DOMParser();
const ARTICLE = `<html><body><nav>Home · About</nav><article><h1>T</h1>${'<p>The whole article, paragraph after paragraph, about Jupiter and its moons seen from a balcony.</p>'.repeat(8)}</article><footer>Footer words</footer></body></html>`;

const item = (id: string, published: number, url?: string): ParsedItem => ({ id, title: `Post ${id}`, published, summary: `<p>Summary ${id}</p>`, enclosures: [], categories: [], ...(url ? { url } : {}) });

async function setup(pages: Record<string, Response | (() => Response)>) {
  const db = await freshDb();
  const { added } = await addFeeds(db, [{ url: 'http://a.example/feed.xml', title: 'A', folder: '', firstCheckAt: 0 }], 1000);
  const feed = added[0]!;
  const requested: string[] = [];
  const fetchFn = (async (url: string) => {
    requested.push(url);
    const p = pages[url];
    return typeof p === 'function' ? p() : (p ?? new Response('nope', { status: 404 }));
  }) as unknown as typeof fetch;
  const stored: string[] = [];
  const deps: ArticleDeps = {
    db: async () => db,
    fetch: fetchFn,
    now: () => 5000,
    extract: async (html, url) => extractFromHtml(html, url, parser),
    backoff: createHostBackoff(),
    onStored: (f) => stored.push(f),
  };
  return { db, feed, deps, requested, stored, loader: createArticleLoader(deps) };
}

const html = () => new Response(ARTICLE, { headers: { 'content-type': 'text/html' } });

describe('article loader', () => {
  it('stores the article beside its post, marks the post, and keeps the summary', async () => {
    const { db, feed, loader, stored } = await setup({ 'http://a.example/p1': html });
    await commitPoll(db, feed.id, (f) => f, [item('p1', 1, 'http://a.example/p1')], 2000);
    expect(await loader.load([feed.id, 'p1'])).toEqual({ ok: true });
    const post = await getPost(db, [feed.id, 'p1']);
    expect(post?.article).toEqual({ state: 'ok', at: 5000 });
    expect(post?.summary).toBe('<p>Summary p1</p>');
    const article = await getArticle(db, [feed.id, 'p1']);
    expect(article?.text).toContain('Jupiter and its moons');
    expect(article?.text).not.toContain('Footer words');
    expect(stored).toEqual([feed.id]);
  });

  it('records why it failed on the post and keeps the summary', async () => {
    const { db, feed, loader } = await setup({});
    await commitPoll(db, feed.id, (f) => f, [item('p1', 1, 'http://a.example/gone')], 2000);
    const r = await loader.load([feed.id, 'p1']);
    expect(r).toEqual({ ok: false, message: 'Could not load the full article: HTTP 404: the page is not there any more.' });
    const post = await getPost(db, [feed.id, 'p1']);
    expect(post?.article).toMatchObject({ state: 'failed', message: r.ok ? '' : r.message });
    expect(post?.summary).toBe('<p>Summary p1</p>');
    expect(await getArticle(db, [feed.id, 'p1'])).toBeUndefined();
  });

  it('never fetches a post whose link is not a web address', async () => {
    const { db, feed, loader, requested } = await setup({});
    await commitPoll(db, feed.id, (f) => f, [item('p1', 1, 'javascript:alert(1)')], 2000);
    expect(await loader.load([feed.id, 'p1'])).toEqual({ ok: false, message: 'Could not load the full article: the post has no web address.' });
    expect(requested).toEqual([]);
  });

  it('asks once for two clicks at the same time', async () => {
    const { db, feed, loader, requested } = await setup({ 'http://a.example/p1': html });
    await commitPoll(db, feed.id, (f) => f, [item('p1', 1, 'http://a.example/p1')], 2000);
    await Promise.all([loader.load([feed.id, 'p1']), loader.load([feed.id, 'p1'])]);
    expect(requested).toEqual(['http://a.example/p1']);
  });

  it('the article survives the feed editing its post, and leaves with the post (retention)', async () => {
    const { db, feed, loader } = await setup({ 'http://a.example/p1': html });
    await commitPoll(db, feed.id, (f) => f, [item('p1', 1, 'http://a.example/p1')], 2000);
    await loader.load([feed.id, 'p1']);
    await commitPoll(db, feed.id, (f) => f, [{ ...item('p1', 1, 'http://a.example/p1'), title: 'Edited' }], 3000);
    expect((await getPost(db, [feed.id, 'p1']))?.article?.state).toBe('ok');
    await commitPoll(db, feed.id, (f) => f, [item('p2', 2), item('p3', 3)], 4000, { keepPosts: 2, keepDays: 0 });
    expect(await getPost(db, [feed.id, 'p1'])).toBeUndefined();
    expect(await getArticle(db, [feed.id, 'p1'])).toBeUndefined();
  });

  it('"always load full articles" loads the newest posts of that feed only', async () => {
    const { db, feed, loader, requested } = await setup({ 'http://a.example/p1': html, 'http://a.example/p2': html });
    await commitPoll(db, feed.id, (f) => f, [item('p1', 1, 'http://a.example/p1'), item('p2', 2, 'http://a.example/p2')], 2000);
    expect(await loader.loadFeed(feed.id)).toBe(0); // not asked for
    expect(requested).toEqual([]);
    expect(await loader.setAlways(feed.id, true)).toBe(true);
    expect((await db.get('feeds', feed.id))?.fulltext).toBe(true);
    expect(await loader.loadFeed(feed.id)).toBe(0); // the run setAlways started took them
    expect(requested.sort()).toEqual(['http://a.example/p1', 'http://a.example/p2']);
    expect((await getPost(db, [feed.id, 'p2']))?.article?.state).toBe('ok');
    await loader.setAlways(feed.id, false);
    expect((await db.get('feeds', feed.id))?.fulltext).toBeUndefined();
  });
});

describe('search', () => {
  it('finds a post by words only its full article has', async () => {
    const { buildSearchIndex } = await import('../db/search-index');
    const { db, feed, loader } = await setup({ 'http://a.example/p1': html });
    await commitPoll(db, feed.id, (f) => f, [item('p1', 1, 'http://a.example/p1'), item('p2', 2)], 2000);
    expect((await buildSearchIndex(db)).search('jupiter balcony')).toEqual([]);
    await loader.load([feed.id, 'p1']);
    expect((await buildSearchIndex(db)).search('jupiter balcony')).toEqual([[feed.id, 'p1']]);
  });
});

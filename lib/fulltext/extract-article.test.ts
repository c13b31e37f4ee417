// @vitest-environment jsdom
// The DOM extraction runs in (an offscreen document or Firefox's event page), as jsdom gives it.
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from './extract-article';

const parser = new DOMParser();
const PAGE = 'https://blog.example/2024/05/post.html';
const para = (n: number) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the article explains one more thing about orbits, telescopes and the patience that watching the sky asks of anyone who tries it for long.</p>`).join('');

const page = (article: string) => `<!doctype html><html><head><title>Post - Blog</title></head><body>
<header><nav><a href="/">Home</a> <a href="/about">About</a> <a href="/archive">Archive</a></nav></header>
<main><article><h1>Orbits</h1>${article}</article></main>
<aside class="sidebar"><h3>Recent posts</h3><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul></aside>
<footer><p>Copyright 2024 Blog. All rights reserved.</p></footer></body></html>`;

describe('extractFromHtml', () => {
  it('keeps the article, drops the chrome, repairs lazy images and resolves URLs', () => {
    const r = extractFromHtml(page(`${para(6)}<figure><img src="data:image/gif;base64,R0l" data-src="img/orbit.jpg" alt="Orbit"></figure><p>See <a href="../notes">notes</a>.</p>`), PAGE, parser);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toContain('Paragraph 6 of the article');
    expect(r.text).not.toContain('All rights reserved');
    expect(r.text).not.toContain('Recent posts');
    expect(r.html).toContain('src="https://blog.example/2024/05/img/orbit.jpg"');
    expect(r.html).toContain('href="https://blog.example/2024/notes"');
    expect(r.html).not.toContain('data:image');
  });

  it('says a page with too little text is not an article', () => {
    const r = extractFromHtml(page('<p>Short.</p>'), PAGE, parser);
    expect(r).toMatchObject({ ok: false, reason: 'not-an-article' });
    if (!r.ok) expect(r.message).toMatch(/does not look like an article/);
  });

  it('passes hostile markup on as text to be sanitized later, never running it here', () => {
    const r = extractFromHtml(page(`${para(5)}<p>x<img src="/a.png" onerror="alert(1)"><script>window.hacked = 1</script></p>`), PAGE, parser);
    expect(r.ok).toBe(true);
    // Readability drops scripts itself; the event handler is left for lib/sanitize at render time.
    if (r.ok) expect(r.html).not.toContain('<script');
  });
});

describe('extractFromHtml on a fixture post in a Medium-like page', () => {
  it('finds the post, not the "more from this author" box (Readability\'s default threshold, with its retries)', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseFeed } = await import('../feed/parse-feed');
    const { articlePage } = await import('../../test/fixtures/articles/article-pages');
    const r = parseFeed(new Uint8Array(readFileSync('test/fixtures/feeds/talk-python-to-me.xml')), { url: 'http://talk-python-to-me.example/' });
    if (!r.ok) throw new Error('fixture did not parse');
    const post = r.feed.items.find((i) => i.url?.includes('/502-'))!;
    const known = parser.parseFromString(post.contentHtml!, 'text/html').body.textContent!.replace(/\s+/g, ' ').trim();
    const out = extractFromHtml(articlePage('medium', { title: post.title, html: post.contentHtml! }, post.url!), post.url!, parser);
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.text).toContain(known.slice(-120));
  });
});

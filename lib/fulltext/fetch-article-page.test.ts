import { describe, expect, it } from 'vitest';
import { fetchArticlePage } from './fetch-article-page';
import { createHostBackoff } from './host-backoff';

const URL1 = 'https://blog.example/post';
const opts = (fetchFn: typeof fetch, extra: Partial<Parameters<typeof fetchArticlePage>[1]> = {}) => ({ fetch: fetchFn, backoff: createHostBackoff(), now: () => 1_000_000, ...extra });
const answer = (body: BodyInit | null, init: ResponseInit) => (async () => new Response(body, init)) as unknown as typeof fetch;

describe('fetchArticlePage', () => {
  it('asks without cookies or referrer and decodes the declared charset', async () => {
    let seen: RequestInit | undefined;
    const f = (async (_u: string, init: RequestInit) => {
      seen = init;
      return new Response(new Uint8Array([0x3c, 0x70, 0x3e, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]), { headers: { 'content-type': 'text/html; charset=iso-8859-1' } });
    }) as unknown as typeof fetch;
    const r = await fetchArticlePage(URL1, opts(f));
    expect(seen).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(r).toEqual({ ok: true, html: '<p>é</p>', url: URL1 });
  });

  it('reads a <meta charset> when the header has none', async () => {
    const bytes = new TextEncoder().encode('<meta charset="windows-1252"><p>');
    const r = await fetchArticlePage(URL1, opts(answer(new Uint8Array([...bytes, 0x93, 0x94]), { headers: { 'content-type': 'text/html' } })));
    expect(r.ok && r.html.endsWith('\u201c\u201d')).toBe(true);
  });

  it('names HTTP errors', async () => {
    expect(await fetchArticlePage(URL1, opts(answer('no', { status: 404 })))).toEqual({ ok: false, message: 'HTTP 404: the page is not there any more' });
    expect(await fetchArticlePage(URL1, opts(answer('no', { status: 402 })))).toEqual({ ok: false, message: 'HTTP 402: the page is behind a paywall' });
  });

  it('honours Retry-After: the host is not asked again before then', async () => {
    const backoff = createHostBackoff();
    let calls = 0;
    const f = (async () => {
      calls++;
      return new Response('slow down', { status: 429, headers: { 'retry-after': '600' } });
    }) as unknown as typeof fetch;
    const first = await fetchArticlePage(URL1, opts(f, { backoff }));
    expect(first).toEqual({ ok: false, message: 'HTTP 429: the site asked Orrery to wait; try again in 10 minutes' });
    const second = await fetchArticlePage('https://blog.example/other', opts(f, { backoff }));
    expect(second.ok).toBe(false);
    expect(calls).toBe(1);
  });

  it('refuses what is not a web page, or too large', async () => {
    expect(await fetchArticlePage(URL1, opts(answer('%PDF', { headers: { 'content-type': 'application/pdf' } })))).toEqual({ ok: false, message: 'the link leads to application/pdf, not a web page' });
    const big = new Uint8Array(2000).fill(0x61);
    expect(await fetchArticlePage(URL1, opts(answer(big, { headers: { 'content-type': 'text/html' } }), { maxBytes: 1000 }))).toEqual({ ok: false, message: 'the page is too large to read' });
  });

  it('gives up after its time limit', async () => {
    const f = ((_u: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof fetch;
    expect(await fetchArticlePage(URL1, opts(f, { timeoutMs: 20 }))).toEqual({ ok: false, message: 'the site did not answer within 0 seconds' });
  });

  it('says why a network failure happened', async () => {
    const f = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await fetchArticlePage(URL1, opts(f))).toEqual({ ok: false, message: 'the page could not be reached (Failed to fetch)' });
  });
});

import { describe, expect, it, vi } from 'vitest';
import { fetchFeed } from './fetch-feed';

/** A fetch answering `body` once, and a spy on how its response's body was read whole. */
function answer(body: string, headers: Record<string, string>) {
  const res = new Response(body, { status: 200, headers });
  const whole = vi.spyOn(res, 'arrayBuffer');
  return { fetch: (async () => res) as unknown as typeof fetch, whole };
}

describe('fetchFeed reading the body', () => {
  it('lets the browser assemble a body sent as is with its length declared (no read loop in the worker)', async () => {
    const body = `<rss>${'x'.repeat(5000)}…</rss>`;
    const a = answer(body, { 'content-length': String(Buffer.byteLength(body)) });
    const out = await fetchFeed({ url: 'http://a.example/f' }, { fetch: a.fetch });
    expect(out.kind).toBe('ok');
    expect(new TextDecoder().decode(out.bytes)).toBe(body);
    expect(a.whole).toHaveBeenCalledOnce();
  });

  it('streams and caps a compressed body, whose declared length is the compressed one', async () => {
    const a = answer('x'.repeat(2000), { 'content-length': '100', 'content-encoding': 'gzip' });
    const out = await fetchFeed({ url: 'http://a.example/f' }, { fetch: a.fetch, maxBytes: 1000 });
    expect(out.kind).toBe('too-large');
    expect(a.whole).not.toHaveBeenCalled();
  });

  it('streams and caps a body without a declared length', async () => {
    const a = answer('x'.repeat(2000), {});
    const out = await fetchFeed({ url: 'http://a.example/f' }, { fetch: a.fetch, maxBytes: 1000 });
    expect(out.kind).toBe('too-large');
    expect(a.whole).not.toHaveBeenCalled();
  });
});

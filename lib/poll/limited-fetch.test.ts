import { describe, expect, it } from 'vitest';
import { createHostLimiter } from './host-limiter';
import { limitedFetch } from './limited-fetch';

/** A fake network that records how many requests per host are open (until their body ends). */
function network() {
  const open = new Map<string, number>();
  let maxPerHost = 0;
  const fetchFn = async (input: RequestInfo | URL): Promise<Response> => {
    const host = new URL(String(input)).host;
    open.set(host, (open.get(host) ?? 0) + 1);
    maxPerHost = Math.max(maxPerHost, open.get(host)!);
    await new Promise((r) => setTimeout(r, 5));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(c) {
        await new Promise((r) => setTimeout(r, 2));
        if (sent++ < 3) c.enqueue(new Uint8Array([1, 2, 3]));
        else {
          open.set(host, open.get(host)! - 1);
          c.close();
        }
      },
    });
    return new Response(body, { status: 200, headers: { ETag: '"x"' } });
  };
  return { fetchFn: fetchFn as typeof fetch, max: () => maxPerHost };
}

describe('limitedFetch', () => {
  it('never lets two requests to one host overlap, bodies included', async () => {
    const net = network();
    const f = limitedFetch(net.fetchFn, createHostLimiter({ perHost: 1, global: 6 }));
    const urls = Array.from({ length: 12 }, (_, i) => `http://${i % 3 === 0 ? 'same' : `h${i}`}.example/feed`);
    const bodies = await Promise.all(urls.map(async (u) => new Uint8Array(await (await f(u)).arrayBuffer()).length));
    expect(bodies.every((n) => n === 9)).toBe(true);
    expect(net.max()).toBe(1);
  });

  it('keeps status, headers, url; releases on 304 and on errors', async () => {
    const limiter = createHostLimiter({ perHost: 1, global: 2 });
    const notModified = limitedFetch(async () => new Response(null, { status: 304, headers: { ETag: '"y"' } }), limiter);
    const r = await notModified('http://a.example/');
    expect(r.status).toBe(304);
    expect(r.headers.get('etag')).toBe('"y"');
    const failing = limitedFetch(async () => {
      throw new TypeError('Failed to fetch');
    }, limiter);
    await expect(failing('http://a.example/')).rejects.toThrow('Failed to fetch');
    expect(limiter.active()).toBe(0);
  });

  it('releases the host when the body is cancelled', async () => {
    const limiter = createHostLimiter({ perHost: 1, global: 2 });
    const net = network();
    const f = limitedFetch(net.fetchFn, limiter);
    const res = await f('http://b.example/');
    await res.body?.cancel();
    expect(limiter.active()).toBe(0);
  });
});

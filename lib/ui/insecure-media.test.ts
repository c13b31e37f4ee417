import { describe, expect, it } from 'vitest';
import { createInsecureMediaLoader, isInsecureWebUrl } from './insecure-media';

function fakes(status = 200) {
  const requests: { url: string; init: RequestInit }[] = [];
  const revoked: string[] = [];
  let n = 0;
  const deps = {
    fetch: async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      return new Response(status === 200 ? 'bytes' : null, { status });
    },
    createObjectURL: () => `blob:orrery/${++n}`,
    revokeObjectURL: (u: string) => void revoked.push(u),
  };
  return { deps, requests, revoked };
}

describe('insecure media loader', () => {
  it('fetches an http: address once, without credentials or referrer, however many elements ask', async () => {
    const { deps, requests } = fakes();
    const loader = createInsecureMediaLoader(deps);
    const [a, b] = await Promise.all([loader.load('http://pics.example/a.png'), loader.load('http://pics.example/a.png')]);
    expect(a).toBe('blob:orrery/1');
    expect(b).toBe(a);
    expect(requests).toEqual([{ url: 'http://pics.example/a.png', init: { credentials: 'omit', referrerPolicy: 'no-referrer' } }]);
  });

  it('refuses anything but http: (https is never upgraded; other schemes are never fetched)', async () => {
    const { deps, requests } = fakes();
    const loader = createInsecureMediaLoader(deps);
    for (const url of ['https://pics.example/a.png', 'data:image/png;base64,AA', 'javascript:alert(1)', 'file:///etc/passwd', '/relative.png']) {
      await expect(loader.load(url)).rejects.toThrow('not an http: address');
    }
    expect(requests).toEqual([]);
    expect(isInsecureWebUrl(' http://x.example/ ')).toBe(true);
    expect(isInsecureWebUrl(null)).toBe(false);
  });

  it('rejects on an HTTP error and forgets it, so a later load asks again', async () => {
    const { deps, requests } = fakes(404);
    const loader = createInsecureMediaLoader(deps);
    await expect(loader.load('http://pics.example/gone.png')).rejects.toThrow('HTTP 404');
    await expect(loader.load('http://pics.example/gone.png')).rejects.toThrow('HTTP 404');
    expect(requests).toHaveLength(2);
  });

  it('keeps at most `max` object URLs, revoking the least recently used, and releases on demand', async () => {
    const { deps, revoked } = fakes();
    const loader = createInsecureMediaLoader({ ...deps, max: 2 });
    await loader.load('http://p.example/1.png');
    await loader.load('http://p.example/2.png');
    await loader.load('http://p.example/1.png'); // 1 is now the most recent
    await loader.load('http://p.example/3.png');
    await Promise.resolve();
    expect(revoked).toEqual(['blob:orrery/2']);
    loader.release('http://p.example/3.png');
    await Promise.resolve();
    expect(revoked).toEqual(['blob:orrery/2', 'blob:orrery/3']);
  });
});

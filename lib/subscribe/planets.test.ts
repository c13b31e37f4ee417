import { beforeEach, describe, expect, it } from 'vitest';
import { removeFeed } from '../db/feeds';
import type { Db } from '../db/open-db';
import { freshDb } from '../db/test-db';
import { createPlanetStore, type StorageAreaLike } from './planet-store';
import { importOpmlFromUrl, syncPlanet } from './planets';
import { scriptedFetch, type Scripted } from './test-fetch';

const NOW = Date.UTC(2026, 5, 1);
const opml = (urls: string[]) => `<?xml version="1.0"?><opml version="2.0"><head><title>Planet X</title></head><body><outline text="X">${urls.map((u) => `<outline type="rss" text="${u}" xmlUrl="${u}"/>`).join('')}</outline></body></opml>`;

function memoryArea(): StorageAreaLike {
  const data: Record<string, unknown> = {};
  return {
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});

describe('Planets', () => {
  it('imports from a Planet page that links its list, then keeps in step: new feeds added, dropped ones flagged', async () => {
    let list: Scripted = { type: 'text/x-opml', body: opml(['https://a.example/f', 'https://b.example/f']), headers: { etag: '"1"' } };
    const { fetch, log } = scriptedFetch({
      'https://planet.example/': { type: 'text/html', body: '<!doctype html><html><body><a href="/opml.xml">OPML</a></body></html>' },
      'https://planet.example/opml.xml': () => list,
    });
    const planets = createPlanetStore(memoryArea());
    const deps = { db, fetch, now: () => NOW, planets, random: () => 0.5 };
    const r = await importOpmlFromUrl('https://planet.example/', true, deps);
    expect(r).toMatchObject({ ok: true, report: { added: 2 }, planet: { url: 'https://planet.example/opml.xml', title: 'Planet X', etag: '"1"' } });
    // The user unsubscribes from b; the list then drops a and adds c.
    const b = (await db.getAll('feeds')).find((f) => f.url === 'https://b.example/f');
    await removeFeed(db, b?.id ?? '');
    list = { type: 'text/x-opml', body: opml(['https://b.example/f', 'https://c.example/f']), headers: { etag: '"2"' } };
    const [planet] = await planets.list();
    if (!planet) throw new Error('no planet');
    expect(await syncPlanet(planet, deps)).toEqual({ ok: true, summary: { added: 1, removed: 1, notModified: false } });
    const feeds = await db.getAll('feeds');
    expect(feeds.map((f) => f.url).sort()).toEqual(['https://a.example/f', 'https://c.example/f']);
    expect(feeds.find((f) => f.url === 'https://a.example/f')?.leftPlanet).toEqual({ url: 'https://planet.example/opml.xml', title: 'Planet X', at: NOW });
    expect(feeds.find((f) => f.url === 'https://c.example/f')?.folder).toBe('X');
    // Unchanged since: a conditional request, a 304, nothing else.
    list = { status: 304 };
    const [again] = await planets.list();
    expect(await syncPlanet(again!, deps)).toEqual({ ok: true, summary: { added: 0, removed: 0, notModified: true } });
    expect(log.filter((u) => u.endsWith('opml.xml'))).toHaveLength(3);
  });

  it('says why a URL gives no list, and records a failed sync', async () => {
    const { fetch } = scriptedFetch({ 'https://page.example/': { type: 'text/html', body: '<!doctype html><p>hi</p>' } });
    const planets = createPlanetStore(memoryArea());
    const deps = { db, fetch, now: () => NOW, planets };
    expect(await importOpmlFromUrl('https://page.example/', true, deps)).toEqual({
      ok: false,
      error: 'https://page.example/ is a web page that links no OPML list. Give the address of the list itself (often …/opml.xml).',
    });
    expect(await importOpmlFromUrl('https://gone.example/opml.xml', true, deps)).toMatchObject({ ok: false, error: expect.stringContaining('404 Not Found') });
    await planets.save({ url: 'https://gone.example/opml.xml', title: 'Gone', addedAt: NOW, feedUrls: [] });
    expect(await syncPlanet((await planets.list())[0]!, deps)).toMatchObject({ ok: false });
    expect((await planets.list())[0]).toMatchObject({ lastOk: false, lastResult: expect.stringContaining('404') });
  });
});

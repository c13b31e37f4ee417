import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeFeed } from '../db/feeds';
import type { StoredFeed } from '../db/types';
import { parseOpml } from '../opml/parse-opml';
import { decodePart, encodePart, itemBytes, layoutDoc, QUOTA, readItems } from './browser-sync-codec';
import { isAlive, mergeDocs, prune, sameDoc, sec, settle, TOMBSTONE_DAYS, type SyncDoc } from './browser-sync-doc';
import { planLocalChanges, stampLocalChanges, type FeedOp, type LocalState } from './browser-sync-plan';

const T0 = 1_790_000_000_000;
function planetPython(): StoredFeed[] {
  const r = parseOpml(readFileSync(new URL('../../test/fixtures/planet-python.opml', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.feeds.map((f, i) => makeFeed({ url: f.url, title: f.title, ...(f.folder ? { folder: f.folder } : {}), firstCheckAt: 0 }, T0 + i * 1000, `pp-${i}`));
}
const feed = (url: string, over: Partial<StoredFeed> = {}): StoredFeed => ({ ...makeFeed({ url, title: url.slice(7, 12), firstCheckAt: 0 }, T0, `id-${url}`), ...over });

/** One browser: its feeds and what it remembers of the last merge, applying a merge's operations to itself. */
class Browser {
  state: LocalState | undefined;
  constructor(public feeds: StoredFeed[]) {}
  /** Merge with what storage.sync holds; returns the document written back. */
  sync(remote: SyncDoc, nowMs: number): SyncDoc {
    const mine = stampLocalChanges(this.feeds, this.state, nowMs);
    const merged = settle(prune(mergeDocs(mine, remote), sec(nowMs) - TOMBSTONE_DAYS * 86_400));
    this.apply(planLocalChanges(merged, this.feeds));
    this.state = { doc: merged, ids: new Map(this.feeds.map((f) => [f.url, f.id])) };
    return merged;
  }
  apply(ops: FeedOp[]) {
    for (const o of ops) {
      if (o.op === 'add') this.feeds.push({ ...feed(o.url), title: o.title, folder: o.folder, ...(o.settings?.i ? { overrideMinutes: o.settings.i } : {}) });
      if (o.op === 'remove') this.feeds = this.feeds.filter((f) => f.id !== o.id);
      if (o.op === 'move') this.feeds = this.feeds.map((f) => (f.id === o.id ? { ...f, url: o.url } : f));
      if (o.op === 'update')
        this.feeds = this.feeds.map((f) =>
          f.id === o.id ? { ...f, ...(o.title !== undefined ? { title: o.title } : {}), ...(o.folder !== undefined ? { folder: o.folder } : {}), ...(o.settings ? { overrideMinutes: o.settings.i } : {}) } : f,
        );
    }
  }
  view() {
    return this.feeds.map((f) => `${f.url}|${f.title}|${f.folder}|${f.overrideMinutes ?? ''}`).sort();
  }
}

/** storage.sync between browsers: the items, encoded and decoded as for real. */
const roundTrip = (doc: SyncDoc): SyncDoc => {
  const l = layoutDoc(doc);
  if (!l.ok) throw new Error(l.reason);
  return readItems(l.items).doc;
};

describe('browser sync: merging two browsers', () => {
  it('a removal on one browser removes the feed on the other; an add arrives', () => {
    const a = new Browser([feed('http://one.example/f'), feed('http://two.example/f')]);
    const b = new Browser([]);
    let remote = roundTrip(a.sync({ h: 0, e: new Map() }, T0));
    remote = roundTrip(b.sync(remote, T0 + 1000));
    expect(b.view()).toEqual(a.view());
    a.feeds = a.feeds.filter((f) => f.url !== 'http://one.example/f');
    a.feeds.push(feed('http://three.example/f'));
    remote = roundTrip(a.sync(remote, T0 + 60_000));
    b.sync(remote, T0 + 61_000);
    expect(b.feeds.map((f) => f.url).sort()).toEqual(['http://three.example/f', 'http://two.example/f']);
  });

  it('both changed the same feed: a rename on one and a move on the other both survive; other changes all arrive', () => {
    const a = new Browser([feed('http://one.example/f'), feed('http://two.example/f'), feed('http://old.example/f')]);
    const b = new Browser([]);
    let remote = roundTrip(a.sync({ h: 0, e: new Map() }, T0));
    remote = roundTrip(b.sync(remote, T0 + 1000));
    // Offline from each other: A renames one and removes old; B moves one, sets two's interval, adds new.
    a.feeds = a.feeds.filter((f) => f.url !== 'http://old.example/f').map((f) => (f.url === 'http://one.example/f' ? { ...f, title: 'One (renamed)' } : f));
    b.feeds = b.feeds.map((f) => (f.url === 'http://one.example/f' ? { ...f, folder: 'Python' } : f.url === 'http://two.example/f' ? { ...f, overrideMinutes: 120 } : f));
    b.feeds.push(feed('http://new.example/f'));
    const fromA = roundTrip(a.sync(remote, T0 + 60_000));
    const fromB = roundTrip(b.sync(remote, T0 + 61_000));
    // storage.sync keeps one of the two writes per item; each browser then merges the other's.
    const settled = roundTrip(a.sync(fromB, T0 + 70_000));
    roundTrip(b.sync(fromA, T0 + 71_000));
    roundTrip(b.sync(settled, T0 + 80_000));
    expect(a.view()).toEqual(b.view());
    expect(a.view()).toEqual(['http://new.example/f|new.e||', 'http://one.example/f|One (renamed)|Python|', 'http://two.example/f|two.e||120']);
  });

  it('merging is commutative, associative and idempotent (seeded random documents)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const randomDoc = (): SyncDoc => {
      const e = new Map();
      for (let i = 0; i < 30; i++) {
        if (rnd() < 0.4) continue;
        const a = 1 + Math.floor(rnd() * 5);
        const d = rnd() < 0.3 ? 1 + Math.floor(rnd() * 5) : undefined;
        e.set(`http://f${i}.example/`, { a, ...(d !== undefined ? { d } : {}), t: `t${Math.floor(rnd() * 3)}`, tt: Math.floor(rnd() * 4), f: `f${Math.floor(rnd() * 3)}`, ft: Math.floor(rnd() * 4) });
      }
      return { h: 0, e };
    };
    for (let n = 0; n < 200; n++) {
      const [x, y, z] = [randomDoc(), randomDoc(), randomDoc()];
      expect(sameDoc(mergeDocs(x, y), mergeDocs(y, x))).toBe(true);
      expect(sameDoc(mergeDocs(mergeDocs(x, y), z), mergeDocs(x, mergeDocs(y, z)))).toBe(true);
      const xy = mergeDocs(x, y);
      expect(sameDoc(mergeDocs(xy, xy), xy)).toBe(true);
    }
  });

  it('a browser joining with its own list keeps both lists; for a shared feed the list already in sync keeps its title', () => {
    const a = new Browser([feed('http://one.example/f', { title: 'One' }), feed('http://two.example/f')]);
    const remote = roundTrip(a.sync({ h: 0, e: new Map() }, T0));
    const b = new Browser([feed('http://one.example/f', { title: 'one, as B named it' }), feed('http://mine.example/f')]);
    const back = roundTrip(b.sync(remote, T0 + 86_400_000));
    a.sync(back, T0 + 86_401_000);
    expect(a.view()).toEqual(b.view());
    expect(b.feeds.find((f) => f.url === 'http://one.example/f')?.title).toBe('One');
    expect(b.feeds).toHaveLength(3);
  });

  it('a removal is remembered 60 days; a browser that slept longer does not bring the feed back', () => {
    const a = new Browser([feed('http://one.example/f'), feed('http://two.example/f')]);
    const b = new Browser([]);
    let remote = roundTrip(a.sync({ h: 0, e: new Map() }, T0));
    roundTrip(b.sync(remote, T0 + 1000));
    a.feeds = a.feeds.filter((f) => f.url !== 'http://one.example/f');
    remote = roundTrip(a.sync(remote, T0 + 2000));
    expect([...remote.e.values()].filter((e) => !isAlive(e))).toHaveLength(1);
    // 90 days on, A writes again: the removal's tombstone is gone, the horizon has moved.
    remote = roundTrip(a.sync(remote, T0 + 90 * 86_400_000));
    expect(remote.e.has('http://one.example/f')).toBe(false);
    roundTrip(b.sync(remote, T0 + 91 * 86_400_000));
    expect(b.feeds.map((f) => f.url)).toEqual(['http://two.example/f']);
  });

  it('subscribing again after a removal brings the feed back everywhere', () => {
    const a = new Browser([feed('http://one.example/f')]);
    const b = new Browser([]);
    let remote = roundTrip(a.sync({ h: 0, e: new Map() }, T0));
    remote = roundTrip(b.sync(remote, T0 + 1000));
    b.feeds = [];
    remote = roundTrip(b.sync(remote, T0 + 2000));
    remote = roundTrip(a.sync(remote, T0 + 3000));
    expect(a.feeds).toEqual([]);
    a.feeds = [feed('http://one.example/f', { id: 'again' })];
    remote = roundTrip(a.sync(remote, T0 + 4000));
    roundTrip(b.sync(remote, T0 + 5000));
    expect(b.feeds.map((f) => f.url)).toEqual(['http://one.example/f']);
  });

  it('a feed that moved (permanent redirect) moves on the other browser, keeping its id (and posts)', () => {
    const a = new Browser([feed('http://old.example/f')]);
    const b = new Browser([feed('http://old.example/f', { id: 'b-own-id' })]);
    let remote = roundTrip(a.sync({ h: 0, e: new Map() }, T0));
    remote = roundTrip(b.sync(remote, T0 + 1000));
    a.feeds = a.feeds.map((f) => ({ ...f, url: 'https://new.example/f' }));
    remote = roundTrip(a.sync(remote, T0 + 2000));
    roundTrip(b.sync(remote, T0 + 3000));
    expect(b.feeds.map((f) => [f.id, f.url])).toEqual([['b-own-id', 'https://new.example/f']]);
  });

  it('feeds a Google Reader service carries are neither written nor removed through the browser sync', () => {
    const a = new Browser([feed('http://local.example/f'), feed('http://service.example/f', { syncId: 'feed/1' })]);
    const remote = roundTrip(a.sync({ h: 0, e: new Map() }, T0));
    expect([...remote.e.keys()]).toEqual(['http://local.example/f']);
    // Another browser's list without it does not remove it here.
    a.sync({ h: 0, e: new Map() }, T0 + 1000);
    expect(a.feeds.map((f) => f.url)).toContain('http://service.example/f');
  });
});

describe('browser sync: items and quotas', () => {
  it('an item decodes to what was encoded', () => {
    const doc: SyncDoc = {
      h: 100,
      e: new Map([
        ['http://a.example/f', { a: 1000, t: 'A "quoted" — ünïcode', tt: 1000, f: 'Py / Web', ft: 1200, s: { i: 60, n: 1, x: 1 }, st: 1100 }],
        ['http://b.example/f', { a: 0, d: 1500 }],
        ['https://c.example/f', { a: 1600, t: 'C', tt: 0, f: '', ft: 0, m: 'http://b.example/f' }],
      ]),
    };
    const back = decodePart(encodePart(doc, [...doc.e.keys()]));
    expect(sameDoc(back, doc)).toBe(true);
  });

  it("Planet Python's 545 feeds fit storage.sync's quotas", () => {
    const feeds = planetPython();
    expect(feeds).toHaveLength(545);
    // Some with settings and renamed later, as a list in use would be.
    const state: LocalState = { doc: stampLocalChanges(feeds, undefined, T0), ids: new Map(feeds.map((f) => [f.url, f.id])) };
    const used = feeds.map((f, i) => (i % 7 === 0 ? { ...f, overrideMinutes: 240, notify: i % 2 === 0, title: `${f.title} (mine)` } : f));
    const layout = layoutDoc(stampLocalChanges(used, state, T0 + 86_400_000));
    expect(layout.ok).toBe(true);
    if (!layout.ok) return;
    const sizes = Object.entries(layout.items).map(([k, v]) => itemBytes(k, v));
    // Measured: 17,378 bytes (17% of the 100 KB) in 16 items of at most 1,389 bytes; the OPML file is 89,517 bytes.
    expect(layout.bytes).toBe(sizes.reduce((x, y) => x + y, 0));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(QUOTA.perItem);
    expect(layout.bytes).toBeLessThan(QUOTA.total * 0.25);
    expect(sizes.length).toBeLessThanOrEqual(QUOTA.items);
    expect(readItems(layout.items).doc.e.size).toBe(545);
  });

  it('a list too large for the quota is refused with its size, not written in part', () => {
    const e = new Map();
    // URLs with long random paths compress badly: 3,000 of them exceed 100 KB.
    let seed = 1;
    const rnd = () => ((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647).toString(36).slice(2);
    for (let i = 0; i < 3000; i++) e.set(`https://${rnd()}.example/${rnd()}${rnd()}/feed`, { a: 1000 + i, t: rnd(), tt: 1000 + i, f: '', ft: 1000 + i });
    const layout = layoutDoc({ h: 0, e });
    expect(layout.ok).toBe(false);
    if (!layout.ok) expect(layout.reason).toMatch(/KB, more than the 100 KB the browser's sync allows/);
  });

  it('one rename changes one item', () => {
    const feeds = planetPython();
    const doc = stampLocalChanges(feeds, undefined, T0);
    const before = layoutDoc(doc);
    const state: LocalState = { doc, ids: new Map(feeds.map((f) => [f.url, f.id])) };
    const renamed = feeds.map((f, i) => (i === 42 ? { ...f, title: 'Renamed' } : f));
    const after = layoutDoc(stampLocalChanges(renamed, state, T0 + 5000), before.ok ? before.parts : 0);
    if (!before.ok || !after.ok) throw new Error('does not fit');
    expect(before.parts).toBeGreaterThan(1);
    const changed = Object.keys(after.items).filter((k) => after.items[k] !== before.items[k]);
    expect(changed).toHaveLength(1);
  });
});

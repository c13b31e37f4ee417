import { describe, expect, it } from 'vitest';
import { addFeeds } from '../db/feeds';
import { freshDb } from '../db/test-db';
import { pollFeed } from './poll-feed';
import { createRedirectLog } from './redirect-log';

const RSS = (n: number) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://a.example/</link>${Array.from(
    { length: n },
    (_, i) => `<item><title>P${i}</title><guid>g${i}</guid><pubDate>Mon, 0${(i % 9) + 1} Jun 2026 10:00:00 GMT</pubDate></item>`,
  ).join('')}</channel></rss>`;

interface Call {
  url: string;
  headers: Record<string, string>;
  init: RequestInit | undefined;
}

/** A fake publisher: answers from a queue, records what was asked. */
function publisher(answers: (() => Response)[]) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) }, init });
    const next = answers.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return next();
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

function response(body: string | null, status: number, headers: Record<string, string> = {}, extra: { url?: string; redirected?: boolean } = {}): Response {
  const res = new Response(body, { status, headers });
  Object.defineProperty(res, 'url', { value: extra.url ?? '' });
  Object.defineProperty(res, 'redirected', { value: extra.redirected ?? false });
  return res;
}

async function setup(url = 'http://a.example/feed.xml') {
  const db = await freshDb();
  const { added } = await addFeeds(db, [{ url, title: 'A', firstCheckAt: 0 }], 0);
  return { db, feed: added[0]! };
}

const NOW = Date.UTC(2026, 5, 10);

describe('pollFeed', () => {
  it('sends no validators first, then sends back exactly what the server gave', async () => {
    const { db, feed } = await setup();
    const etag = 'W/"abc;  odd=1"';
    const lastModified = 'Mon, 01 Jun 2026 10:00:00 GMT';
    const pub = publisher([
      () => response(RSS(2), 200, { ETag: etag, 'Last-Modified': lastModified }),
      () => response(null, 304, {}),
    ]);
    await pollFeed(feed, { db, fetch: pub.fetch, now: () => NOW });
    const stored = (await db.get('feeds', feed.id))!;
    expect(stored).toMatchObject({ etag, lastModified, lastStatus: 'ok', errorCount: 0 });
    expect(pub.calls[0]!.headers['If-None-Match']).toBeUndefined();
    await pollFeed(stored, { db, fetch: pub.fetch, now: () => NOW + 1 });
    expect(pub.calls[1]!.headers).toMatchObject({ 'If-None-Match': etag, 'If-Modified-Since': lastModified });
    expect(pub.calls[1]!.init).toMatchObject({ credentials: 'omit', cache: 'no-store' });
    expect(await db.get('feeds', feed.id)).toMatchObject({ lastStatus: 'not-modified', notModifiedCount: 1, etag });
    expect(await db.count('posts')).toBe(2);
  });

  it('keeps old posts on a 304: retention only runs when the feed says what it still carries', async () => {
    const { db, feed } = await setup();
    const pub = publisher([() => response(RSS(3), 200, { ETag: '"1"' }), () => response(null, 304)]);
    const retention = { keepPosts: 1, keepDays: 1 };
    await pollFeed(feed, { db, fetch: pub.fetch, now: () => NOW, retention });
    expect(await db.count('posts')).toBe(3); // all three are still in the feed
    await pollFeed((await db.get('feeds', feed.id))!, { db, fetch: pub.fetch, now: () => NOW + 86_400_000 * 400, retention });
    expect(await db.count('posts')).toBe(3);
  });

  it('marks a 410 feed gone and never schedules it again', async () => {
    const { db, feed } = await setup();
    const pub = publisher([() => response('gone', 410)]);
    await pollFeed(feed, { db, fetch: pub.fetch, now: () => NOW });
    expect(await db.get('feeds', feed.id)).toMatchObject({ state: 'gone', lastStatus: 'gone', nextCheckAt: Infinity });
  });

  it('honours Retry-After on 429', async () => {
    const { db, feed } = await setup();
    const pub = publisher([() => response('slow down', 429, { 'Retry-After': '7200' })]);
    await pollFeed(feed, { db, fetch: pub.fetch, now: () => NOW });
    const stored = (await db.get('feeds', feed.id))!;
    expect(stored.lastStatus).toBe('rate-limited');
    expect(stored.nextCheckAt).toBeGreaterThanOrEqual(NOW + 7200_000);
  });

  it('records errors with a message and a count, and backs off', async () => {
    const { db, feed } = await setup();
    const pub = publisher([() => response('oops', 500), () => response('<html>not a feed</html>', 200, { 'Content-Type': 'text/html' })]);
    await pollFeed(feed, { db, fetch: pub.fetch, now: () => NOW });
    const first = (await db.get('feeds', feed.id))!;
    expect(first).toMatchObject({ lastStatus: 'http-error', lastHttpStatus: 500, errorCount: 1 });
    expect(first.lastMessage).toMatch(/500/);
    await pollFeed(first, { db, fetch: pub.fetch, now: () => NOW });
    const second = (await db.get('feeds', feed.id))!;
    expect(second).toMatchObject({ lastStatus: 'not-a-feed', errorCount: 2 });
    expect(second.lastMessage).toBeTruthy();
    await pollFeed(second, { db, fetch: pub.fetch, now: () => NOW });
    expect(await db.get('feeds', feed.id)).toMatchObject({ lastStatus: 'network-error', errorCount: 3 });
  });

  it('adopts the URL of a 301 and keeps the old one after a 302', async () => {
    const { db, feed } = await setup('http://old.example/feed.xml');
    const log = createRedirectLog();
    log.record({ from: 'http://old.example/feed.xml', to: 'http://new.example/feed.xml', status: 301, at: NOW });
    const moved = publisher([() => response(RSS(1), 200, {}, { url: 'http://new.example/feed.xml', redirected: true })]);
    await pollFeed(feed, { db, fetch: moved.fetch, now: () => NOW, redirects: log });
    expect((await db.get('feeds', feed.id))!.url).toBe('http://new.example/feed.xml');

    const other = await setup('http://temp.example/feed.xml');
    const log2 = createRedirectLog();
    log2.record({ from: 'http://temp.example/feed.xml', to: 'http://elsewhere.example/feed.xml', status: 302, at: NOW });
    const temp = publisher([() => response(RSS(1), 200, {}, { url: 'http://elsewhere.example/feed.xml', redirected: true })]);
    await pollFeed(other.feed, { db: other.db, fetch: temp.fetch, now: () => NOW, redirects: log2 });
    expect((await other.db.get('feeds', other.feed.id))!.url).toBe('http://temp.example/feed.xml');
  });

  it('adopts a 301 whose redirect event arrives after the response', async () => {
    const { db, feed } = await setup('http://late.example/feed.xml');
    const log = createRedirectLog();
    const moved = publisher([
      () => {
        // The browser reports the hop a moment after fetch() resolved.
        setTimeout(() => log.record({ from: 'http://late.example/feed.xml', to: 'http://late.example/new.xml', status: 301, at: NOW }), 30);
        return response(RSS(1), 200, {}, { url: 'http://late.example/new.xml', redirected: true });
      },
    ]);
    await pollFeed(feed, { db, fetch: moved.fetch, now: () => NOW, redirects: log });
    expect((await db.get('feeds', feed.id))!.url).toBe('http://late.example/new.xml');
  });

  it('gives up on a body over the size cap', async () => {
    const { feed } = await setup();
    const pub = publisher([() => response('x'.repeat(2000), 200)]);
    const { fetchFeed } = await import('./fetch-feed');
    const out = await fetchFeed({ url: feed.url }, { fetch: pub.fetch, maxBytes: 1000 });
    expect(out.kind).toBe('too-large');
  });
});

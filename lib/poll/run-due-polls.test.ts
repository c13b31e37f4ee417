/** A polling run: requests are not held back by the commits of the answers before them. */
import { describe, expect, it } from 'vitest';
import { addFeeds, makeAllDue } from '../db/feeds';
import { freshDb } from '../db/test-db';
import type { CommitQueue } from './commit-queue';
import { createReaderGate, type ReaderGate } from './reader-gate';

import { runDuePolls } from './run-due-polls';

const NOW = Date.UTC(2026, 5, 10);
const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>x</title><guid>x</guid></item></channel></rss>`;

/** Lets every pending promise callback and timer of this turn run. */
const settle = async (turns = 30) => {
  for (let i = 0; i < turns; i++) await new Promise((r) => setTimeout(r, 0));
};

/** Lets callbacks and timers run until `done()` holds (or many turns have passed: the expectation after it then fails). */
const until = async (done: () => boolean) => {
  for (let i = 0; i < 2_000 && !done(); i++) await new Promise((r) => setTimeout(r, 0));
};

/** A commit queue that holds every commit until released. */
function heldCommits() {
  const held: (() => void)[] = [];
  const commits: CommitQueue = {
    commit: () => new Promise((resolve) => held.push(() => resolve({ added: 1, updated: 0, removed: 0 }))),
  };
  return { commits, held, releaseAll: () => held.splice(0).forEach((r) => r()) };
}

async function run(urls: string[], globalLimit: number, readers?: ReaderGate) {
  const db = await freshDb();
  await addFeeds(db, urls.map((url) => ({ url, title: url, firstCheckAt: 0 })), 0);
  const requested: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    requested.push(String(input));
    return new Response(RSS, { status: 200 });
  }) as typeof globalThis.fetch;
  const c = heldCommits();
  let done = false;
  const finished = runDuePolls({ db, fetch, now: () => NOW, commits: c.commits, globalLimit, ...(readers ? { readers } : {}) }).then((r) => {
    done = true;
    return r;
  });
  return { requested, c, finished, isDone: () => done };
}

describe('runDuePolls', () => {
  it('asks a host for its next feed while the answer before is still being committed', async () => {
    const { requested, c, finished } = await run(['http://a.example/1.xml', 'http://a.example/2.xml'], 6);
    await settle();
    // The first answer's commit is held: the host's one request slot is free all the same.
    expect(requested).toHaveLength(2);
    expect(c.held).toHaveLength(2);
    c.releaseAll();
    expect((await finished).map((r) => r.status)).toEqual(['ok', 'ok']);
  });

  it('keeps at most 8 answers waiting to be stored beyond the requests in flight', async () => {
    const urls = Array.from({ length: 12 }, (_, i) => `http://h${i}.example/feed.xml`);
    const { requested, c, finished, isDone } = await run(urls, 1);
    await settle();
    expect(requested).toHaveLength(1 + 8);
    for (let i = 0; !isDone() && i < 50; i++) {
      c.releaseAll();
      await settle(5);
    }
    expect(await finished).toHaveLength(12);
    expect(requested).toHaveLength(12);
  });

  it('starts no request and parses no answer while a page reads its first screen, and goes on when it has read', async () => {
    const readers = createReaderGate({ leaseMs: 60_000, maxHoldMs: 60_000 });
    readers.take({ type: 'reading', id: 'page' });
    const { requested, c, finished } = await run(['http://a.example/1.xml', 'http://b.example/2.xml'], 6, readers);
    await settle();
    expect(requested).toHaveLength(0);
    expect(c.held).toHaveLength(0);
    readers.take({ type: 'read', id: 'page' });
    await settle();
    expect(requested).toHaveLength(2);
    expect(c.held).toHaveLength(2);
    c.releaseAll();
    expect((await finished).map((r) => r.status)).toEqual(['ok', 'ok']);
  });

  it('lets a request in flight finish when a page starts reading, then parses its answer once the page has read', async () => {
    const db = await freshDb();
    const urls = ['http://a.example/1.xml', 'http://b.example/2.xml'];
    await addFeeds(db, urls.map((url) => ({ url, title: url, firstCheckAt: 0 })), 0);
    const readers = createReaderGate({ leaseMs: 60_000, maxHoldMs: 60_000 });
    const requested: string[] = [];
    let answerFirst: (() => void) | undefined;
    const fetch = (async (input: RequestInfo | URL) => {
      requested.push(String(input));
      if (requested.length === 1) await new Promise<void>((resolve) => (answerFirst = resolve));
      return new Response(RSS, { status: 200 });
    }) as typeof globalThis.fetch;
    const c = heldCommits();
    // One request at a time (feeds in either order): the second request would start as the first is answered.
    const finished = runDuePolls({ db, fetch, now: () => NOW, commits: c.commits, globalLimit: 1, readers });
    await until(() => answerFirst !== undefined);
    expect(requested).toHaveLength(1);
    const first = requested[0];
    readers.take({ type: 'reading', id: 'page' });
    answerFirst?.();
    await settle();
    // The answer in flight came in; it is not parsed, and the next request has not started.
    expect(requested).toEqual([first]);
    expect(c.held).toHaveLength(0);
    readers.take({ type: 'read', id: 'page' });
    await until(() => requested.length === 2 && c.held.length > 0);
    expect([...requested].sort()).toEqual(urls);
    c.releaseAll();
    await until(() => c.held.length > 0);
    c.releaseAll();
    expect((await finished).map((r) => r.status)).toEqual(['ok', 'ok']);
  });
});

describe('runDuePolls and "refresh now"', () => {
  it('polls again a feed made due while its request was in flight, instead of its answer undoing the refresh', async () => {
    const db = await freshDb();
    await addFeeds(db, [{ url: 'http://a.example/feed.xml', title: 'A', firstCheckAt: 0 }], 0);
    let requests = 0;
    const fetch = (async () => {
      requests++;
      // The reader asks for a refresh while the first request is in flight.
      if (requests === 1) await makeAllDue(db, NOW);
      return new Response(RSS, { status: 200 });
    }) as typeof globalThis.fetch;
    await runDuePolls({ db, fetch, now: () => NOW });
    expect(requests).toBe(2);
    const [feed] = await db.getAll('feeds');
    expect(feed!.nextCheckAt).toBeGreaterThan(NOW);
  });
});

/**
 * A reader's store of schema v5 upgraded by the build under test: the upgrade rewrites no post,
 * the worker fills the river's keys in batches, stopped midway it resumes at its next wake, and
 * the timeline shows the right posts before, during and after (the newest 300 hidden by a rule).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../server/fixture-server.mjs';
import { sendFromPage } from './helpers';
import { launchOrrery, type Orrery } from './launch';
import { seedPosts } from './river-seed';
import { emptyV5Database, riverFill } from './v5-store';

const POSTS = 6000;
const HIDDEN = 300;

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let orrery: Orrery;

beforeAll(async () => {
  server = await startFixtureServer();
  orrery = await launchOrrery({ serverPort: server.port });
  await (await orrery.open('/options.html')).getByTestId('opml-file').waitFor();
  const raw = await emptyV5Database(orrery);
  await seedPosts(raw, { feeds: 4, posts: POSTS, riverKeys: false, hiddenNewest: HIDDEN });
  await raw.close();
}, 240_000);

afterAll(async () => {
  await orrery?.close();
  await server?.close();
});

/** Opens the timeline and returns the ids of its first `n` entries. */
async function firstEntries(n: number): Promise<{ page: Page; ids: string[] }> {
  const page = await orrery.open('/timeline.html');
  await page.getByTestId('entry').nth(n - 1).waitFor({ timeout: 60_000 });
  const ids = await page.getByTestId('entry').evaluateAll((els, k) => els.slice(0, k).map((e) => e.getAttribute('data-entry-id')), n);
  return { page, ids: ids as string[] };
}

/** The river's first posts: the newest not hidden (p300 onwards, newest first). */
const expected = (n: number) => Array.from({ length: n }, (_, i) => `p${HIDDEN + i}`);

/** Posts whose riverKeys differ from what lib/db/river-keys.ts gives them, and posts keyed in all. */
async function keyAudit(page: Page): Promise<{ wrong: number; keyed: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('orrery');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    type P = { sortKey: number; folder: string; starred: number; hiddenBy?: string; dupOf?: unknown; riverKeys?: [string, number][] };
    const posts = await new Promise<P[]>((resolve) => {
      const r = db.transaction('posts').objectStore('posts').getAll();
      r.onsuccess = () => resolve(r.result as P[]);
    });
    db.close();
    const want = (p: P) =>
      p.hiddenBy === undefined && p.dupOf === undefined ? [['', p.sortKey], [`f:${p.folder}`, p.sortKey], ...(p.starred === 1 ? [['s', p.sortKey]] : [])] : undefined;
    return {
      wrong: posts.filter((p) => JSON.stringify(p.riverKeys) !== JSON.stringify(want(p))).length,
      keyed: posts.filter((p) => p.riverKeys !== undefined).length,
    };
  });
}

describe('a v5 store upgraded to v8', () => {
  it('shows the right river before, during and after the backfill, which resumes after the worker is stopped midway', async () => {
    // The worker is stopped: the timeline upgrades the database itself, and reads the v5 indexes
    // (its messages wake the worker, which starts the backfill).
    const before = await firstEntries(5);
    expect(before.ids).toEqual(expected(5));
    const upgraded = await riverFill(before.page);
    expect(upgraded.version).toBe(8);
    // v7 keeps the v5 rivers' indexes while the backfill is under way: the rivers read them.
    expect(upgraded.indexes).toEqual(expect.arrayContaining(['bySort', 'byFolder', 'byStarred', 'byRiver']));

    // Stop the worker once a batch or two are saved.
    await sendFromPage(before.page, { type: 'get-refresh-progress' });
    for (let i = 0; ; i++) {
      const { fill } = await riverFill(before.page);
      if (fill?.after || fill?.done) break;
      if (i > 600) throw new Error('the backfill did not start');
      await before.page.waitForTimeout(50);
    }
    await orrery.stopWorker();
    const midway = await riverFill(before.page);
    expect(midway.fill?.done, 'stopped before the backfill ended (more posts?)').toBe(false);
    const { keyed } = await keyAudit(before.page);
    expect(keyed).toBeGreaterThan(0);
    expect(keyed).toBeLessThan(POSTS - HIDDEN);
    await before.page.close();

    // Midway, the worker stopped: the timeline is right.
    const during = await firstEntries(5);
    expect(during.ids).toEqual(expected(5));

    // The worker's next wake resumes the backfill and finishes it.
    await sendFromPage(during.page, { type: 'get-refresh-progress' });
    for (let i = 0; !(await riverFill(during.page)).fill?.done; i++) {
      if (i > 600) throw new Error(`the backfill did not finish: ${JSON.stringify(await riverFill(during.page))}`);
      await during.page.waitForTimeout(200);
    }
    expect(await keyAudit(during.page)).toEqual({ wrong: 0, keyed: POSTS - HIDDEN });
    await during.page.close();

    // After: the river reads its own index, and is the same.
    const after = await firstEntries(5);
    expect(after.ids).toEqual(expected(5));
    await after.page.close();
  }, 300_000);
});

/**
 * Pictures in the summary, titles and cards views, counted by the fixture server: each
 * post's picture (media:thumbnail, an image enclosure, the first content image) is requested
 * lazily, only for posts in the river's window, without a referrer, in a fixed box.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../server/fixture-server.mjs';
import { readStore, sendFromPage } from './helpers';
import { closeAll, launchWithFixtures, type Orrery } from './launch';
import { png } from './png';

let server: FixtureServer;
let orrery: Orrery;

const FEED = 'http://pics.example/feed.xml';
const POSTS = 300;
const thumb = (n: number) => `http://pics.example/thumb/${n}.png`;
const IMAGE = png(192, 128);
/** Each picture request: which post's picture, and the Referer it carried. */
const asked: { n: number; referer: string | undefined }[] = [];

/** Post n's picture, said in one of the ways feeds say it. */
function picture(n: number): string {
  if (n === 7) return '<media:thumbnail url="javascript:alert(1)"/>'; // never an address to load
  if (n % 3 === 1) return `<enclosure url="${thumb(n)}" type="image/png" length="1"/>`;
  if (n % 3 === 2) return `<description><![CDATA[<p>Words first.</p><img src="${thumb(n)}" alt="">]]></description>`;
  return `<media:thumbnail url="${thumb(n)}" width="192" height="128"/>`;
}

const feed = `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Pictures</title><link>http://pics.example/</link>
${Array.from({ length: POSTS }, (_, n) => `<item><title>Picture post ${n}</title><link>http://pics.example/p/${n}</link><guid>pic-${n}</guid><pubDate>${new Date(Date.UTC(2026, 5, 1) - n * 3_600_000).toUTCString()}</pubDate>${picture(n)}</item>`).join('\n')}
</channel></rss>`;

let feedId = '';

beforeAll(async () => {
  ({ server, orrery } = await launchWithFixtures());
  server.overrides.set(FEED, (_req: IncomingMessage, res: ServerResponse) => void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feed));
  for (let n = 0; n < POSTS; n++) {
    server.overrides.set(thumb(n), (req: IncomingMessage, res: ServerResponse) => {
      asked.push({ n, referer: req.headers.referer });
      res.writeHead(200, { 'Content-Type': 'image/png' }).end(IMAGE);
    });
  }
  const home = await orrery.open('/options.html');
  const reply = await sendFromPage<{ ok: boolean; feedId: string }>(home, { type: 'subscribe', url: FEED });
  expect(reply.ok).toBe(true);
  feedId = reply.feedId;
  for (const until = Date.now() + 60_000; (await readStore(home)).posts < POSTS; ) {
    if (Date.now() > until) throw new Error('the feed\'s posts were not stored');
    await home.waitForTimeout(200);
  }
  await home.close();
});

afterAll(() => closeAll({ orrery, server }));

async function river(view: string): Promise<Page> {
  const page = await orrery.open(`/timeline.html#feed=${encodeURIComponent(feedId)}`);
  await page.evaluate((v) => localStorage.setItem('orrery.view', v), view);
  await page.reload();
  await page.getByTestId('entry-picture').first().waitFor();
  return page;
}

/** The post numbers whose entries are in the page now. */
const inWindow = (page: Page) => page.$$eval('[data-testid="entry"]', (els) => els.map((e) => Number(e.getAttribute('data-entry-id')?.replace('pic-', ''))));

describe('pictures', () => {
  it('loads pictures lazily, only for posts in the window, without a referrer, in a fixed box', async () => {
    const page = await river('summary');
    const first = page.getByTestId('entry-picture').first();
    await expect.poll(() => first.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(192);
    // The box is fixed by the page, not by the image: 96 x 64 whatever arrives.
    expect(await first.evaluate((i: HTMLImageElement) => [i.getBoundingClientRect().width, i.getBoundingClientRect().height, i.loading, i.referrerPolicy])).toEqual([96, 64, 'lazy', 'no-referrer']);
    const shown = new Set(await inWindow(page));
    expect(shown.size).toBeLessThan(POSTS);
    const requested = new Set(asked.map((a) => a.n));
    // Only posts in the window, and not all of them: lazy loading leaves those far below alone.
    expect([...requested].filter((n) => !shown.has(n))).toEqual([]);
    expect(requested.size).toBeLessThan(shown.size);
    expect(asked.every((a) => a.referer === undefined)).toBe(true);
    // The three ways a feed names a picture all show; a javascript: thumbnail never does.
    expect(requested.has(0) && requested.has(1) && requested.has(2)).toBe(true);
    expect(await page.locator('[data-entry-id="pic-7"] [data-testid="entry-picture"]').count()).toBe(0);
    // Further down, further pictures load as they come near.
    const before = requested.size;
    const farthest = Math.max(...requested);
    await expect
      .poll(async () => {
        await page.evaluate(() => window.scrollBy(0, innerHeight));
        return new Set(asked.map((a) => a.n)).size;
      })
      .toBeGreaterThan(before);
    expect(Math.max(...asked.map((a) => a.n))).toBeGreaterThan(farthest);
    await page.close();
  });

  it('titles and cards views show the picture in their own fixed boxes', async () => {
    const titles = await river('titles');
    expect(await titles.getByTestId('entry-picture').first().evaluate((i) => [i.getBoundingClientRect().width, i.getBoundingClientRect().height])).toEqual([36, 24]);
    await titles.getByTestId('view-cards').click();
    await expect.poll(() => titles.getByTestId('entry-picture').first().evaluate((i) => [i.getBoundingClientRect().width, i.getBoundingClientRect().height])).toEqual([160, 100]);
    // The full view shows the post itself, with no separate picture.
    await titles.getByTestId('view-full').click();
    await expect.poll(() => titles.getByTestId('entry-picture').count()).toBe(0);
    await titles.close();
  });
});

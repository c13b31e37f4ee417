/** Shared setup of the river suites: a browser with a few fixture feeds subscribed in two folders. */
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../server/fixture-server.mjs';
import { pages } from '../server/pages.mjs';
import { sendFromPage, waitForRefresh } from './helpers';
import { launchOrrery, type Orrery } from './launch';

/** Feeds the river suites subscribe to, by folder. */
export const RIVER_FEEDS: [url: string, folder: string][] = [
  ['http://pythonbytes.example/feed.xml', 'Podcasts'],
  ['http://talk-python-to-me.example/feed.xml', 'Podcasts'],
  ['http://ned-batchelder.example/atom.xml', 'Blogs'],
  ['http://real-python.example/feed.xml', 'Blogs'],
  ['http://armin-ronacher.example/feed.xml', 'Blogs'],
  ['http://django-weblog.example/feed.xml', 'Blogs'],
  ['http://python-speed.example/atom.xml', 'Blogs'],
];

/** A feed that starts failing after it was subscribed (its posts stay): the sidebar and popup show it. */
export const FAILING_FEED = 'http://python-speed.example/atom.xml';

/** A running river fixture. */
export interface RiverFixture {
  server: Awaited<ReturnType<typeof startFixtureServer>>;
  orrery: Orrery;
  /** An extension page kept open to send messages from. */
  home: Page;
  close: () => Promise<void>;
}

/** Launches Chromium with Orrery, subscribes to RIVER_FEEDS, then refreshes once with FAILING_FEED answering 500. */
export async function setupRiver(): Promise<RiverFixture> {
  const server = await startFixtureServer();
  const orrery = await launchOrrery({ serverPort: server.port });
  const home = await orrery.open('/options.html');
  for (const [url, folder] of RIVER_FEEDS) {
    await sendFromPage(home, { type: 'subscribe', url, folder });
  }
  serveRanges(server);
  server.overrides.set(FAILING_FEED, (_req, res) => void res.writeHead(500, { 'Content-Type': 'text/plain' }).end('down'));
  const since = Date.now();
  await sendFromPage(home, { type: 'refresh-all' });
  await waitForRefresh(home, since);
  return {
    server,
    orrery,
    home,
    close: async () => {
      await orrery.close();
      await server.close();
    },
  };
}

/** Answers byte-range requests for the fixture episodes, as podcast hosts do (media elements seek with them). */
export function serveRanges(server: RiverFixture['server']): void {
  for (const [url, page] of Object.entries(pages)) {
    if (!page.type.startsWith('audio/')) continue;
    const body = Buffer.from(page.body);
    server.overrides.set(url, (req, res) => {
      const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
      if (!m) {
        res.writeHead(200, { 'Content-Type': page.type, 'Content-Length': body.length, 'Accept-Ranges': 'bytes' }).end(body);
        return;
      }
      const start = m[1] ? Number(m[1]) : body.length - Number(m[2]);
      const end = m[1] && m[2] ? Math.min(Number(m[2]), body.length - 1) : body.length - 1;
      res
        .writeHead(206, {
          'Content-Type': page.type,
          'Content-Length': end - start + 1,
          'Content-Range': `bytes ${start}-${end}/${body.length}`,
          'Accept-Ranges': 'bytes',
        })
        .end(body.subarray(start, end + 1));
    });
  }
}

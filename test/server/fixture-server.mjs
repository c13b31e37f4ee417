// A local web server that plays the publishers of the fixtures: every `*.example` host
// (mapped to it with --host-resolver-rules) serves its feed from test/fixtures, with
// validators and 304s, and 404 for subscriptions that have no file. It also serves a few
// HTML pages for feed detection and a hostile feed. Used by `npm start` and the browser tests.
import http from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pages } from './pages.mjs';
import { genFeedCached } from './gen-feed.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(HERE, '..', 'fixtures');

const REDIRECT_LOOP = {
  'http://redirect-loop.example/feed.xml': 'http://redirect-loop.example/loop.xml',
  'http://redirect-loop.example/loop.xml': 'http://redirect-loop.example/feed.xml',
};

const TYPES = {
  '.xml': 'application/xml',
  '.rdf': 'application/rdf+xml',
  '.json': 'application/feed+json',
  '.opml': 'text/x-opml',
};

/**
 * Loads urlmap.json into a Map of URL -> { body, type, etag, lastModified } or null.
 * With `everyFeedExists`, subscriptions without a fixture borrow one (round robin) instead
 * of answering 404: a Planet where every blog is alive, for benchmarks.
 */
function loadRoutes(everyFeedExists = false) {
  const map = JSON.parse(readFileSync(path.join(FIXTURES, 'urlmap.json'), 'utf8'));
  const routes = new Map();
  const started = new Date('2026-06-01T00:00:00Z').toUTCString();
  for (const [url, file] of Object.entries(map)) {
    if (!file) {
      routes.set(url, null);
      continue;
    }
    const body = readFileSync(path.join(FIXTURES, file));
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    routes.set(url, { body, type: TYPES[path.extname(file)] ?? 'application/octet-stream', etag, lastModified: started });
  }
  if (everyFeedExists) {
    const alive = [...routes.values()].filter(Boolean);
    let i = 0;
    for (const [url, route] of routes) {
      if (route === null) routes.set(url, alive[i++ % alive.length]);
    }
  }
  for (const [url, page] of Object.entries(pages)) {
    const body = Buffer.from(page.body);
    routes.set(url, { body, type: page.type, etag: `"p${createHash('sha1').update(body).digest('hex').slice(0, 12)}"`, lastModified: started });
  }
  return routes;
}

/**
 * Starts the server. Options: port (0 = any), latency [min, max] ms per response,
 * everyFeedExists (no 404s: see loadRoutes),
 * overrides: Map of URL -> (req, res) => void for tests that script a publisher.
 * Returns { port, url, log, overrides, gen, close }; `gen.step` is the step of the generated
 * feeds at /gen/<feed>/<n>.xml (see gen-feed.mjs), which the ingest bench advances.
 */
export async function startFixtureServer({ port = 0, latency = [0, 0], quiet = true, everyFeedExists = false } = {}) {
  const routes = loadRoutes(everyFeedExists);
  const log = [];
  const overrides = new Map();
  let inFlight = new Map();
  // Generated posts are dated from 40 days ago (a day boundary), so retention by age keeps them.
  const gen = { step: 0, base: Math.floor(Date.now() / 86_400_000 - 40) * 86_400_000 };
  const server = http.createServer((req, res) => {
    const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '');
    // Through a proxy (Firefox's PAC in the tests) the request line holds the full URL.
    const url = /^https?:\/\//.test(req.url ?? '') ? (req.url ?? '') : `http://${host}${req.url}`;
    const entry = {
      at: Date.now(),
      method: req.method,
      url,
      host,
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
      cookie: req.headers.cookie,
      concurrentOnHost: (inFlight.get(host) ?? 0) + 1,
      status: 0,
      bytes: 0,
    };
    log.push(entry);
    inFlight.set(host, entry.concurrentOnHost);
    res.on('close', () => inFlight.set(host, (inFlight.get(host) ?? 1) - 1));
    const delay = latency[0] + Math.random() * (latency[1] - latency[0]);
    setTimeout(() => {
      res.setHeader('Cache-Control', 'no-store');
      // A publisher whose feed redirects back and forth between two addresses, for ever.
      const loop = REDIRECT_LOOP[url];
      if (loop) {
        entry.status = 302;
        res.writeHead(302, { Location: loop }).end();
        return;
      }
      const override = overrides.get(url);
      if (override) {
        override(req, res, entry);
        entry.status = res.statusCode;
        return;
      }
      const g = /^\/gen\/(\d+)\/(\d+)\.xml$/.exec(url.slice(`http://${host}`.length));
      const route = g ? { type: 'application/rss+xml', lastModified: new Date(gen.base).toUTCString(), ...genFeedCached(Number(g[1]), Number(g[2]), gen.step, host, gen.base) } : routes.get(url);
      if (!route) {
        entry.status = 404;
        const body = `No feed at ${url}\n`;
        entry.bytes = Buffer.byteLength(body);
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end(body);
        return;
      }
      if (req.headers['if-none-match'] === route.etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === route.lastModified)) {
        entry.status = 304;
        res.writeHead(304, { ETag: route.etag, 'Last-Modified': route.lastModified }).end();
        return;
      }
      entry.status = 200;
      entry.bytes = req.method === 'HEAD' ? 0 : route.body.length;
      res.writeHead(200, { 'Content-Type': route.type, 'Content-Length': route.body.length, ETag: route.etag, 'Last-Modified': route.lastModified });
      res.end(req.method === 'HEAD' ? undefined : route.body);
    }, delay);
    if (!quiet) console.log(req.method, url);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = server.address().port;
  return {
    port: actualPort,
    log,
    overrides,
    gen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8089);
  const s = await startFixtureServer({ port, quiet: false });
  console.log(`fixture server on http://127.0.0.1:${s.port} (map *.example to it)`);
}

// `npm run bench:content`: what the feed-detecting content script costs on a page as it loads.
// A page of 20,000 links and no feed link (the content script used to collect every anchor
// before cutting to 3,000), the same page with one <link rel=alternate> feed, and a small blog
// page. Measured from a Chromium trace: the EvaluateScript and compile time of the content
// script's file (all it does runs then), median of BENCH_RUNS loads; a page without links is
// the floor any content script pays (its isolated world's set-up). The peer, measured
// in the same run on the same page: `[...document.querySelectorAll('a[href]')]` in the page
// itself, the first step of the old scan. ORRERY_OUT=<dir> ORRERY_SKIP_BUILD=1 measures another
// build (an older commit's; BENCH_SCRIPT=content-scripts/feed-detector.js for builds before the change).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
process.env.ORRERY_OUT ??= '.output-content-bench';
const { launchWithFixtures, closeAll } = await import('../test/browser/launch');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

if (process.env.ORRERY_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: process.env });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function bigPage(withFeed: boolean): string {
  const links = Array.from({ length: 20_000 }, (_, i) => `<li><a href="/post/${i}">Post number ${i}</a></li>`).join('');
  const feed = withFeed ? '<link rel="alternate" type="application/rss+xml" title="Big" href="/feed.xml">' : '';
  return `<!doctype html><html><head><title>Big</title>${feed}</head><body><ul>${links}</ul></body></html>`;
}

const PAGES: { name: string; url: string; body: string }[] = [
  { name: '20,000 links, no feed', url: 'http://big-nofeed.example/', body: bigPage(false) },
  { name: '20,000 links and a feed link', url: 'http://big-feed.example/', body: bigPage(true) },
  { name: 'floor: a page without links', url: 'http://empty-page.example/', body: '<!doctype html><title>Empty</title><p>Nothing here.</p>' },
  { name: 'a small blog page with a feed link', url: 'http://small-blog.example/', body: `<!doctype html><title>Blog</title><link rel="alternate" type="application/atom+xml" href="/atom.xml"><p>${'<a href="/p">post</a> '.repeat(40)}</p>` },
];

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { data?: { url?: string } };
}

/**
 * Script ms of the content script while `page` loads `url`: the EvaluateScript and compile
 * events of its file in a Chromium trace. This includes the isolated world's set-up, the same for
 * any content script: the page without links is that floor.
 */
async function contentScriptMs(browser: Browser, page: Page, url: string, scriptUrl: string): Promise<number> {
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // document_idle comes after load at the latest; wait for the page to go quiet.
  await page.waitForTimeout(1500);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  let us = 0;
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || (e.name !== 'EvaluateScript' && e.name !== 'v8.compile')) continue;
    if (e.args?.data?.url === scriptUrl) us += e.dur ?? 0;
  }
  return us / 1000;
}

const { server, orrery } = await launchWithFixtures();
try {
  const browser = orrery.context.browser();
  if (!browser) throw new Error('no browser handle');
  const scriptUrl = `chrome-extension://${orrery.extensionId}/${process.env.BENCH_SCRIPT ?? 'feed-detector.js'}`;
  for (const p of PAGES) server.overrides.set(p.url, (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(p.body));
  console.log(`content script ${scriptUrl.split('/').pop()}, median of ${RUNS} loads each (${process.env.ORRERY_OUT})\n`);
  console.log('| page | content script ms | peer: the page collecting its anchors, ms | content script / peer |');
  console.log('|---|---:|---:|---:|');
  for (const p of PAGES) {
    const mine: number[] = [];
    const peer: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await orrery.context.newPage();
      mine.push(await contentScriptMs(browser, page, p.url, scriptUrl));
      peer.push(await page.evaluate(() => {
        const t0 = performance.now();
        const n = [...document.querySelectorAll('a[href]')].length;
        return n >= 0 ? performance.now() - t0 : NaN;
      }));
      await page.close();
    }
    const m = median(mine);
    const q = median(peer);
    console.log(`| ${p.name} | ${m.toFixed(2)} | ${q.toFixed(2)} | ${(m / q).toFixed(2)} |`);
  }
} finally {
  await closeAll({ orrery, server });
}

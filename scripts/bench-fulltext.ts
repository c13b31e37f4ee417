// `npm run bench:fulltext`: how well and how fast Orrery extracts full articles.
// The pages: every post of test/fixtures that carries its full content (at least 1,500
// characters of text; at most 3 per feed) placed in pages shaped like WordPress (Jetpack lazy
// images + <noscript>), Ghost (relative addresses, srcset), Hugo (page-relative addresses) and a
// Medium-like engine (blurred thumbnail, canvas, data-src, <noscript>), with each engine's
// chrome around it (test/fixtures/articles/article-pages.ts). The known text is the post's own
// text; the known images, its http(s) images. Extraction runs in Chromium (a page's DOMParser,
// as in the offscreen document), beside Readability alone on the same pages as the baseline.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { parseFeed } from '../lib/feed/parse-feed';
import { isWebUrl } from '../lib/util/web-url';
import { articlePage, BOILERPLATE, ENGINES, type Engine } from '../test/fixtures/articles/article-pages';

const ROOT = path.resolve(import.meta.dirname, '..');
const FEEDS = path.join(ROOT, 'test', 'fixtures', 'feeds');
const PER_FEED = Number(process.env.BENCH_PER_FEED ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Case {
  engine: Engine;
  url: string;
  title: string;
  contentHtml: string;
  page: string;
}

const posts: { url: string; title: string; contentHtml: string }[] = [];
for (const file of readdirSync(FEEDS).sort()) {
  const r = parseFeed(new Uint8Array(readFileSync(path.join(FEEDS, file))), { url: `http://${file.replace(/\.\w+$/, '')}.example/feed` });
  if (!r.ok) continue;
  let taken = 0;
  for (const it of r.feed.items) {
    const html = it.contentHtml;
    if (!html || taken >= PER_FEED) continue;
    // Full content: enough text once tags are gone.
    if (html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').length < 1500) continue;
    posts.push({ url: isWebUrl(it.url) ? it.url : `http://${file.replace(/\.\w+$/, '')}.example/p/${taken}`, title: it.title || 'Untitled', contentHtml: html });
    taken++;
  }
}
// The fixtures' full-content posts carry few images: each gets two figures (one after the
// first paragraph, one at the end), on the post's own host, so every engine's image handling is measured.
const withFigures = (html: string, url: string) => {
  const host = new URL(url).origin;
  const fig = (n: number) => `<figure><img src="${host}/images/figure-${n}.png" alt="Figure ${n}" width="640" height="360"><figcaption>Figure ${n}</figcaption></figure>`;
  const at = html.indexOf('</p>');
  return at < 0 ? `${fig(1)}${html}${fig(2)}` : `${html.slice(0, at + 4)}${fig(1)}${html.slice(at + 4)}${fig(2)}`;
};
for (const p of posts) p.contentHtml = withFigures(p.contentHtml, p.url);
const cases: Case[] = posts.flatMap((p) => ENGINES.map((engine) => ({ engine, ...p, page: articlePage(engine, { title: p.title, html: p.contentHtml }, p.url) })));

const bundle = await build({ entryPoints: [path.join(ROOT, 'scripts', 'bench-fulltext-entry.ts')], bundle: true, format: 'iife', write: false, platform: 'browser', target: 'chrome120' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage();
await page.evaluate(bundle.outputFiles[0]!.text);
// tsx names the arrow functions of the measuring code below with a helper the page lacks.
await page.evaluate('globalThis.__name = (f) => f');

interface Measured {
  knownText: string;
  knownImages: string[];
  ok: boolean;
  text: string;
  images: string[];
  ms: number[];
  baseText: string;
  baseImages: string[];
}

const results: Measured[] = [];
for (const c of cases) {
  results.push(
    await page.evaluate(
      ({ c, rounds }) => {
        const X = (globalThis as unknown as { orreryFulltext: { extractFromHtml: (h: string, u: string, p: DOMParser) => { ok: boolean; html?: string; text?: string }; Readability: new (d: Document) => { parse(): { content?: string; textContent?: string } | null } } }).orreryFulltext;
        const parser = new DOMParser();
        const known = parser.parseFromString(c.contentHtml, 'text/html');
        const imagesOf = (html: string) => [...parser.parseFromString(html, 'text/html').querySelectorAll('img')].map((i) => i.getAttribute('src') ?? '').filter((s) => /^https?:/.test(s));
        const ms: number[] = [];
        let r: { ok: boolean; html?: string; text?: string } = { ok: false };
        for (let i = 0; i < rounds; i++) {
          const t0 = performance.now();
          r = X.extractFromHtml(c.page, c.url, parser);
          ms.push(performance.now() - t0);
        }
        const base = new X.Readability(parser.parseFromString(c.page, 'text/html')).parse();
        return {
          knownText: known.body.textContent ?? '',
          knownImages: imagesOf(c.contentHtml),
          ok: r.ok,
          text: r.text ?? '',
          images: r.ok && r.html ? imagesOf(r.html) : [],
          ms,
          baseText: base?.textContent ?? '',
          baseImages: base?.content ? imagesOf(base.content) : [],
        };
      },
      { c, rounds: ROUNDS },
    ),
  );
}
await browser.close();

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
/** Share of the known text's words (as a multiset) found in the extracted text. */
function recall(known: string, got: string): number {
  const have = new Map<string, number>();
  for (const w of words(got)) have.set(w, (have.get(w) ?? 0) + 1);
  const want = words(known);
  let hit = 0;
  for (const w of want) {
    const n = have.get(w) ?? 0;
    if (n > 0) {
      hit++;
      have.set(w, n - 1);
    }
  }
  return want.length ? hit / want.length : 1;
}
const kept = (known: string[], got: string[]) => (known.length ? known.filter((u) => got.includes(u)).length / known.length : undefined);
const leftOut = (got: string) => BOILERPLATE.filter((b) => !got.toLowerCase().includes(b.toLowerCase())).length / BOILERPLATE.length;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : 0;
};
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

if (process.env.BENCH_VERBOSE) {
  results.forEach((r, i) => {
    const c = cases[i]!;
    const rec = r.ok ? recall(r.knownText, r.text) : 0;
    if (rec < 0.95 || (r.knownImages.length && kept(r.knownImages, r.images)! < 1)) console.log(c.engine, c.url, 'recall', rec.toFixed(3), 'images', r.images.length, '/', r.knownImages.length, 'text:', r.text.slice(0, 200));
  });
}

console.log(`\n${posts.length} posts with full content from ${readdirSync(FEEDS).length} fixture feeds, ${cases.length} pages (${ENGINES.length} engines), Chromium, best of ${ROUNDS} rounds per page\n`);
console.log('| engine | pages | articles found | text recovered (mean / worst) | images kept | boilerplate left out | ms per page (median / worst) | Readability alone: text / images / boilerplate left out |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const engine of [...ENGINES, 'all'] as const) {
  const rows = results.filter((_, i) => engine === 'all' || cases[i]!.engine === engine);
  const rec = rows.map((r) => (r.ok ? recall(r.knownText, r.text) : 0));
  const imgs = rows.map((r) => kept(r.knownImages, r.images)).filter((x): x is number => x !== undefined);
  const baseImgs = rows.map((r) => kept(r.knownImages, r.baseImages)).filter((x): x is number => x !== undefined);
  const times = rows.map((r) => Math.min(...r.ms));
  console.log(
    `| ${engine} | ${rows.length} | ${rows.filter((r) => r.ok).length} | ${pct(mean(rec))} / ${pct(Math.min(...rec))} | ${imgs.length ? pct(mean(imgs)) : '—'} (${imgs.length} pages with images) | ${pct(mean(rows.map((r) => (r.ok ? leftOut(r.text) : 1))))} | ${median(times).toFixed(1)} / ${Math.max(...times).toFixed(1)} | ${pct(mean(rows.map((r) => recall(r.knownText, r.baseText))))} / ${baseImgs.length ? pct(mean(baseImgs)) : '—'} / ${pct(mean(rows.map((r) => leftOut(r.baseText))))} |`,
  );
}

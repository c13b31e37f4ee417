// Parser benchmark: Orrery's parseFeed against its peers, on the same bytes, in one run.
//
//   node --expose-gc --import tsx scripts/bench-parse.mjs [--rounds 15] [--no-write]
//
// Sets: the conformance corpus' real-world feeds (../shared/corpus: cases/netnewswire and every
// case in the "real-world" category), the fixtures (test/fixtures/feeds) and a generated 5 MB
// RSS feed (test/conformance/generate-feed.ts). Every parser gets bytes and decodes them itself
// (peers with a plain UTF-8 TextDecoder, as a naive caller would), so decoding is timed for all.
// Floors: fast-xml-parser with its cheapest options and a handler-less htmlparser2 in xmlMode,
// i.e. tokenizing alone. Peak heap is measured in a fresh child process per parser.
// Writes the tables to test/conformance/BENCH.md unless --no-write.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { parseFeed as rowanmanning } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { parseFeed as feedsmith } from 'feedsmith';
import { Parser as Htmlparser2 } from 'htmlparser2';
import RssParser from 'rss-parser';
import { parseFeed } from '../lib/feed/parse-feed.ts';
import { generateRssFeed } from '../test/conformance/generate-feed.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const ROUNDS = Number(arg('--rounds', '15'));

const utf8 = new TextDecoder('utf-8');
const rssParser = new RssParser();
const fxp = new XMLParser({
  ignoreAttributes: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

/** name, kind (orrery | peer | floor), parse(bytes) (may return a promise). */
const PARSERS = [
  ['orrery parseFeed', 'orrery', (b) => parseFeed(b, { url: 'https://bench.example/feed' })],
  ['orrery (no item cap)', 'orrery', (b) => parseFeed(b, { url: 'https://bench.example/feed', maxItems: Infinity })],
  ['feedsmith', 'peer', (b) => feedsmith(utf8.decode(b))],
  // Its feed object computes every field lazily in getters: toJSON() makes it do the work the
  // others do (otherwise it would be timed for tokenizing only).
  ['@rowanmanning/feed-parser', 'peer', (b) => rowanmanning(utf8.decode(b)).toJSON()],
  ['rss-parser (async)', 'peer', (b) => rssParser.parseString(utf8.decode(b))],
  ['floor: fast-xml-parser', 'floor', (b) => fxp.parse(utf8.decode(b))],
  ['floor: htmlparser2 xmlMode', 'floor', (b) => {
    const p = new Htmlparser2({}, { xmlMode: true });
    p.end(utf8.decode(b));
  }],
];

function filesIn(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('LICENSE'))
    .map((e) => path.join(dir, e.name));
}

function loadSets() {
  const realFiles = new Set();
  if (fs.existsSync(CORPUS)) {
    for (const f of filesIn(path.join(CORPUS, 'cases', 'netnewswire'))) realFiles.add(f);
    const manifest = JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8'));
    for (const c of manifest.cases) if (c.category === 'real-world') realFiles.add(path.join(CORPUS, c.file));
  }
  const read = (f) => new Uint8Array(fs.readFileSync(f));
  return [
    ['real-world feeds (corpus)', [...realFiles].sort().map(read)],
    ['fixtures (test/fixtures/feeds)', filesIn(path.join(REPO, 'test', 'fixtures', 'feeds')).sort().map(read)],
    ['generated 5 MB RSS', [generateRssFeed(5 * 1024 * 1024)]],
  ].filter(([, files]) => files.length > 0);
}

/** One pass of `parse` over the files: wall time and how many feeds threw or rejected. */
async function pass(parse, files) {
  let failures = 0;
  const start = performance.now();
  for (const b of files) {
    try {
      const out = parse(b);
      if (out && typeof out.then === 'function') await out;
    } catch {
      failures++;
    }
  }
  return { ms: performance.now() - start, failures };
}

/**
 * Best time per parser over ROUNDS rounds. Rounds are interleaved (every parser once per round,
 * in rotating order) so that load on a shared machine hits all parsers alike, and the best round
 * is the one least disturbed by it; round 0 only warms the JIT.
 */
async function timeSet(files) {
  const times = PARSERS.map(() => []);
  const failures = PARSERS.map(() => 0);
  for (let r = 0; r <= ROUNDS; r++) {
    for (let k = 0; k < PARSERS.length; k++) {
      const p = (k + r) % PARSERS.length;
      const { ms, failures: f } = await pass(PARSERS[p][2], files);
      if (r > 0) times[p].push(ms);
      failures[p] = f;
    }
  }
  return PARSERS.map(([name, kind], p) => {
    const sorted = times[p].sort((a, b) => a - b);
    return { name, kind, ms: sorted[0], failures: failures[p] };
  });
}

/** In a fresh process: parse the 5 MB feed once, report committed-heap and RSS growth. */
async function heapChild(name) {
  const entry = PARSERS.find(([n]) => n === name);
  const bytes = generateRssFeed(5 * 1024 * 1024);
  globalThis.gc?.();
  const heap0 = v8.getHeapStatistics().total_heap_size;
  const used0 = process.memoryUsage().heapUsed;
  const rss0 = process.resourceUsage().maxRSS;
  const out = await entry[2](bytes);
  const heap1 = v8.getHeapStatistics().total_heap_size;
  const used1 = process.memoryUsage().heapUsed;
  const rss1 = process.resourceUsage().maxRSS;
  process.stdout.write(JSON.stringify({ heapMB: (heap1 - heap0) / 2 ** 20, usedMB: (used1 - used0) / 2 ** 20, rssMB: (rss1 - rss0) / 1024, kept: Boolean(out) }));
}

if (arg('--heap-child', null)) {
  await heapChild(arg('--heap-child', null));
  process.exit(0);
}

const sets = loadSets();
const lines = [];
const log = (s = '') => {
  lines.push(s);
  console.log(s);
};
const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
log(`Node ${process.version}, ${os.cpus().length} CPU(s), load average ${load} at start, best of ${ROUNDS} rounds, ${new Date().toISOString().slice(0, 10)}`);
for (const [setName, files] of sets) {
  const bytes = files.reduce((a, b) => a + b.length, 0);
  const rows = await timeSet(files);
  const fastestPeer = Math.min(...rows.filter((r) => r.kind === 'peer').map((r) => r.ms));
  log('');
  log(`### ${setName}: ${files.length} feed(s), ${(bytes / 2 ** 20).toFixed(2)} MB`);
  log('');
  log('| parser | MB/s | feeds/s | vs fastest peer | failed |');
  log('|---|---:|---:|---:|---:|');
  for (const r of rows) {
    const mbs = bytes / 2 ** 20 / (r.ms / 1000);
    log(`| ${r.name} | ${mbs.toFixed(1)} | ${(files.length / (r.ms / 1000)).toFixed(0)} | ${(fastestPeer / r.ms).toFixed(2)}x | ${r.failures} |`);
  }
}

log('');
log('### Peak heap, generated 5 MB RSS (fresh process each)');
log('');
log('| parser | committed heap growth (MB) | heap used after, result alive (MB) | max RSS growth (MB) |');
log('|---|---:|---:|---:|');
for (const [name] of PARSERS) {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--heap-child', name], { cwd: REPO, encoding: 'utf8' });
  const m = JSON.parse(out);
  log(`| ${name} | ${m.heapMB.toFixed(0)} | ${m.usedMB.toFixed(0)} | ${m.rssMB.toFixed(0)} |`);
}

if (!args.includes('--no-write')) {
  const md = [
    '# Parser benchmark',
    '',
    'Produced by `node --expose-gc --import tsx scripts/bench-parse.mjs` (see the script header for',
    'what is measured). "vs fastest peer" is the fastest of feedsmith, @rowanmanning/feed-parser and',
    'rss-parser on that set divided by this parser\'s time: above 1 is faster. "failed" counts feeds',
    'the parser threw on (they are still timed). Floors only tokenize: no feed model at all.',
    '`orrery parseFeed` keeps the newest 500 items (the default); `no item cap` maps every item, as the',
    'peers do. @rowanmanning/feed-parser is timed with `.toJSON()`, since its getters are lazy.',
    'Each figure is the best of the interleaved rounds; figures vary with the machine and its load',
    '(the first line gives both): compare rows of one run, not runs.',
    '',
    'Orrery does not use fast-xml-parser: its own lenient reader (lib/xml) already beats that',
    'parser\'s cheapest configuration (the floor row) while also recovering from ill-formed XML,',
    'bounding entity expansion and tracking xml:base, which the feed core needs anyway.',
    '',
    ...lines,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(REPO, 'test', 'conformance', 'BENCH.md'), md);
}

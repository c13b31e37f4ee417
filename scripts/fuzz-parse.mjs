// Fuzzes parseFeed: N seeded mutations of the fixtures and the conformance corpus' files, each
// parsed and timed; fails on a throw, a broken result contract, a slow parse, or a hang.
//
//   node --import tsx scripts/fuzz-parse.mjs [--runs 10000] [--seed 1] [--slow-ms 2000]
//
// Parsing runs in a child process watched by this one: a child that reports no progress for
// 15 s is a hang, reported with the seed and case number that reproduce it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';

const SELF = fileURLToPath(import.meta.url);
const REPO = path.resolve(path.dirname(SELF), '..');
const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus');
const HANG_MS = 15_000;

function inputFiles() {
  const files = [];
  const fixtures = path.join(REPO, 'test', 'fixtures', 'feeds');
  for (const f of fs.readdirSync(fixtures)) files.push(path.join(fixtures, f));
  if (fs.existsSync(path.join(CORPUS, 'manifest.json'))) {
    const manifest = JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8'));
    for (const c of manifest.cases) files.push(path.join(CORPUS, c.file));
  }
  return files;
}

async function worker({ runs, seed, slowMs }) {
  const { parseFeed } = await import('../lib/feed/parse-feed.ts');
  const { contractViolation, mutate, seededRandom } = await import('../test/conformance/fuzz-mutations.ts');
  const inputs = inputFiles().map((f) => [path.relative(REPO, f), new Uint8Array(fs.readFileSync(f))]);
  const random = seededRandom(seed);
  const problems = [];
  let slowest = { ms: 0 };
  for (let i = 0; i < runs; i++) {
    const [name, original] = inputs[Math.floor(random() * inputs.length)];
    const { bytes, kind } = mutate(original, random);
    process.send({ type: 'progress', i, name, kind });
    const start = performance.now();
    let violation;
    try {
      violation = contractViolation(parseFeed(bytes, { url: 'https://fuzz.example/feed.xml' }));
    } catch (err) {
      violation = `threw ${err instanceof Error ? err.stack : String(err)}`;
    }
    const ms = performance.now() - start;
    if (ms > slowest.ms) slowest = { ms, i, name, kind };
    if (ms > slowMs) violation = violation ?? `slow: ${ms.toFixed(0)} ms`;
    if (violation) problems.push({ i, name, kind, violation });
  }
  process.send({ type: 'done', problems, slowest });
}

if (process.env.ORRERY_FUZZ_CHILD) {
  await worker(JSON.parse(process.env.ORRERY_FUZZ_CHILD));
  process.disconnect();
} else {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const runs = opt('--runs', 10_000);
  const seed = opt('--seed', 1);
  const slowMs = opt('--slow-ms', 2000);
  const started = performance.now();
  const w = fork(SELF, [], {
    cwd: REPO,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ORRERY_FUZZ_CHILD: JSON.stringify({ runs, seed, slowMs }) },
  });
  let last = { i: -1 };
  let lastAt = performance.now();
  const watchdog = setInterval(() => {
    if (performance.now() - lastAt > HANG_MS) {
      console.error(`HANG: case ${last.i} (${last.name}, ${last.kind}) made no progress for ${HANG_MS} ms; reproduce with --seed ${seed} --runs ${last.i + 1}`);
      w.kill();
      process.exitCode = 1;
      clearInterval(watchdog);
    }
  }, 1000);
  w.on('message', (m) => {
    if (m.type === 'progress') {
      last = m;
      lastAt = performance.now();
      return;
    }
    clearInterval(watchdog);
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${runs} mutations (seed ${seed}) in ${secs} s; slowest parse ${m.slowest.ms.toFixed(1)} ms (case ${m.slowest.i}, ${m.slowest.name}, ${m.slowest.kind})`);
    for (const p of m.problems.slice(0, 20)) console.log(`FAIL case ${p.i} ${p.name} [${p.kind}]: ${p.violation}`);
    console.log(m.problems.length === 0 ? 'no throws, no contract violations, no hangs' : `${m.problems.length} problem(s)`);
    process.exitCode = m.problems.length === 0 ? 0 : 1;
  });
  w.on('error', (err) => {
    clearInterval(watchdog);
    console.error('fuzz child crashed:', err);
    process.exitCode = 1;
  });
}

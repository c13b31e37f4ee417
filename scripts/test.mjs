// `npm test`: the one command that proves the project. Runs typecheck, lint, the unit
// tests (Node), the browser tests (real Chromium with the built extension), the Firefox
// tests (Firefox ESR with the Firefox build) and Mozilla's addons-linter on the Firefox zip,
// then prints one summary line: "N passed, M failed". Exit code 0 only when nothing failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const OUT = '.test-results';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const results = [];

function run(name, cmd, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  return { ok: r.status === 0, seconds };
}

function check(name, cmd, args) {
  const r = run(name, cmd, args);
  results.push({ name, passed: r.ok ? 1 : 0, failed: r.ok ? 0 : 1, seconds: r.seconds, note: r.ok ? 'ok' : 'FAILED' });
}

function vitest(name, config, extra = []) {
  const json = `${OUT}/${name}.json`;
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`, ...(config ? ['-c', config] : []), ...extra];
  const r = run(name, 'npx', args, { TZ: 'UTC' });
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(json)) {
    const report = JSON.parse(readFileSync(json, 'utf8'));
    passed = report.numPassedTests ?? 0;
    failed = report.numFailedTests ?? 0;
    // A file that failed to load (syntax error, failing hook) has no failing test: count it.
    for (const file of report.testResults ?? []) {
      if (file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed')) failed++;
    }
    skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  if (!r.ok && failed === 0) failed = 1; // the runner itself failed (crash, no report)
  results.push({ name, passed, failed, seconds: r.seconds, note: skipped ? `${skipped} skipped` : '' });
}

check('typecheck', 'npx', ['tsc', '--noEmit']);
check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
vitest('unit', null);
vitest('browser', 'vitest.browser.config.ts');
// Builds the Firefox package (also where Firefox is absent: it must still build), then runs the
// core flows and Firefox's own cases in Firefox ESR; without Firefox they are counted as skipped.
vitest('firefox', 'vitest.firefox.config.ts');
// Mozilla's addons-linter on the Firefox zip (the checks addons.mozilla.org runs on upload): any
// error, or a warning not explained in docs/store/listing.md, fails the run.
check('addons-lint', 'npx', ['tsx', 'scripts/lint-firefox-package.ts']);
// A Firefox killed before close() leaves its temporary profile behind.
for (const name of existsSync(tmpdir()) ? readdirSync(tmpdir()) : []) {
  if (name.startsWith('puppeteer_dev_firefox_profile-')) rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
}

console.log('\n=== summary');
for (const r of results) console.log(`${r.name.padEnd(12)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.padStart(6)} s  ${r.note}`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

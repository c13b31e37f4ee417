import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Scores parseFeed on the shared conformance corpus (../shared/corpus, see its README) and holds
// the score to test/conformance/floor.json: a floor that only goes up. `sanitize` is skipped:
// Orrery sanitizes at render time, not in the parser.

const REPO = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus');
const CHECK = path.join(CORPUS, 'check.mjs');
const ADAPTER = path.join(REPO, 'test', 'conformance', 'adapter.mjs');
const present = fs.existsSync(CHECK);
if (!present) console.log(`conformance corpus not found at ${CORPUS}: skipped`);

interface CaseResult {
  id: string;
  category: string;
  pass: boolean;
  reasons: string[];
}
interface Floor {
  passed: number;
  categories: Record<string, number>;
}

function runCorpus(): CaseResult[] {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'orrery-conformance-')), 'results.json');
  try {
    // check.mjs exits 1 whenever any case fails; the floor, not the exit code, is the verdict.
    execFileSync(process.execPath, ['--import', 'tsx', CHECK, ADAPTER, '--skip', 'sanitize', '--json', out], {
      cwd: REPO,
      stdio: 'pipe',
      timeout: 120_000,
    });
  } catch (err) {
    if (!fs.existsSync(out)) throw err;
  }
  return JSON.parse(fs.readFileSync(out, 'utf8')) as CaseResult[];
}

describe('conformance corpus', () => {
  it.skipIf(!present)('passes at least the recorded floor, overall and per category', () => {
    const floor = JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'conformance', 'floor.json'), 'utf8')) as Floor;
    const results = runCorpus();
    const failures = results.filter((r) => !r.pass).map((r) => `${r.id}: ${r.reasons[0] ?? ''}`);
    const passed = results.length - failures.length;
    const byCategory: Record<string, number> = {};
    for (const r of results) byCategory[r.category] = (byCategory[r.category] ?? 0) + (r.pass ? 1 : 0);

    expect(passed, `failing cases:\n${failures.join('\n')}`).toBeGreaterThanOrEqual(floor.passed);
    for (const [category, min] of Object.entries(floor.categories)) {
      expect(byCategory[category] ?? 0, `category ${category}`).toBeGreaterThanOrEqual(min);
    }
  }, 150_000);
});

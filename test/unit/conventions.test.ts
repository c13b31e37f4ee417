/**
 * Conventions the code relies on but the type checker cannot see. Each rule names why.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

const app = [...sources('lib'), ...sources('components'), ...sources('entrypoints')];

describe('conventions', () => {
  it('only lib/db/post-writes.ts writes the posts store (it keeps the unread ledger and counts in step)', () => {
    const writes = [
      /\b(db|tx)\.(put|add|delete|clear)\(\s*'posts'/,
      /objectStore\(\s*'posts'\s*\)\.(put|add|delete|clear)\(/,
      /transaction\(\s*'posts'\s*,\s*'readwrite'/,
      /transaction\(\s*\[[^\]]*'posts'[^\]]*\]\s*,\s*'readwrite'/,
    ];
    const offenders = app.filter((f) => f !== path.join('lib', 'db', 'post-writes.ts') && writes.some((re) => re.test(readFileSync(path.join(ROOT, f), 'utf8'))));
    expect(offenders).toEqual([]);
  });

  it('only the sanitizer component sets innerHTML (feed HTML is sanitized once, at render time)', () => {
    const offenders = app.filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(offenders.every((f) => /entry-content\.tsx$|lib[\\/]sanitize[\\/]/.test(f))).toBe(true);
  });

  it('entrypoints only wire: no IndexedDB transactions or fetches of their own', () => {
    const offenders = sources('entrypoints').filter((f) => /\.transaction\(|indexedDB\.open/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

/**
 * The addons-linter step of `npm test` (scripts/lint-firefox-package.ts) fails on errors and on
 * warnings nobody has explained; explained ones pass with their reason printed.
 */
import { describe, expect, it } from 'vitest';
import { codeAround, judgeLint, type LintMessage } from '../../scripts/addons-lint-report';

const files: Record<string, string> = {
  'chunks/compat-abc.js': 'x\nlet t=mt.createDocument(en,`template`,null);try{t.documentElement.innerHTML=tn?j:i}catch{}',
  'chunks/other.js': 'el.innerHTML=location.hash',
};
const warning = (file: string, column: number): LintMessage => ({ code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML', file, line: file === 'chunks/compat-abc.js' ? 2 : 1, column });
const read = (name: string) => files[name];

describe('addons-linter report', () => {
  it('passes a package whose only warnings are explained, and prints why each stays', () => {
    const r = judgeLint({ errors: [], warnings: [warning('chunks/compat-abc.js', 60)], notices: [] }, read);
    expect(r.ok).toBe(true);
    expect(r.lines[0]!.text).toMatch(/\(DOMPurify\): stays, because/);
    expect(r.lines.at(-1)!.text).toBe('addons-linter: 0 errors, 1 warnings (1 explained), 0 notices');
  });

  it('fails on any error', () => {
    const r = judgeLint({ errors: [{ code: 'JSON_INVALID', message: '"/browser_specific_settings/gecko/id" must match pattern' }], warnings: [], notices: [] }, read);
    expect(r.ok).toBe(false);
    expect(r.lines[0]).toEqual({ fails: true, text: 'ERROR   JSON_INVALID at (package): "/browser_specific_settings/gecko/id" must match pattern' });
  });

  it('fails on a warning nobody explained, even one with a known code', () => {
    const r = judgeLint({ errors: [], warnings: [warning('chunks/other.js', 1)], notices: [] }, read);
    expect(r.ok).toBe(false);
    expect(r.lines[0]!.text).toMatch(/New and unexplained/);
  });

  it('recognises a warning by the code around its position, not by the hashed file name', () => {
    expect(codeAround(files['chunks/compat-abc.js'], warning('chunks/compat-abc.js', 60), 20)).toContain('documentElement.innerHTML=');
    expect(codeAround(undefined, warning('chunks/compat-abc.js', 60))).toBe('');
  });
});

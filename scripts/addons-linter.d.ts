// addons-linter ships no types: the part of its documented programmatic API (its README) that
// scripts/lint-firefox-package.ts uses.
declare module 'addons-linter' {
  import type { LintOutput } from './addons-lint-report';

  /** A linter for one package; `run()` resolves with the same report as `--output json`. */
  export function createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): { run(): Promise<LintOutput> };
}

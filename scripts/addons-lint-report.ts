/**
 * Judges Mozilla's addons-linter result for the Firefox package: any error fails, and so does any
 * warning that is not one of the explained ones below (docs/store/listing.md, notes for reviewers,
 * says why each stays). A warning is recognised by its code and the code around it in the built
 * file, because the built files' names carry content hashes that change with every edit.
 */

/** One message of addons-linter's output (its `errors`, `warnings` and `notices` entries). */
export interface LintMessage {
  code: string;
  message: string;
  description?: string | string[];
  file?: string;
  line?: number;
  column?: number;
}

/** The part of addons-linter's output this report reads. */
export interface LintOutput {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** A warning that stays, with the reason a reviewer reads. */
export interface KnownWarning {
  code: string;
  /** Which library the flagged line belongs to. */
  source: string;
  /** Matched against the built code around the flagged position. */
  near: RegExp;
  reason: string;
}

/** The warnings that stay in the Firefox package, each explained in docs/store/listing.md. */
export const KNOWN_WARNINGS: KnownWarning[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    source: 'DOMPurify',
    near: /documentElement\.innerHTML=/,
    reason: 'DOMPurify parses the markup it is asked to clean in an inert document of its own (no script runs, nothing loads) before it sanitizes it.',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    source: 'Preact',
    near: /innerHTML=\w+\.__html/,
    reason: "Preact's dangerouslySetInnerHTML; Orrery's only use (components/timeline/entry-content.tsx) passes markup that lib/sanitize's DOMPurify configuration has just cleaned.",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    source: "Mozilla's Readability",
    near: /_charThreshold|_isSingleImage/,
    reason: "Readability (Firefox's Reader View) moves markup within the article page's DOMParser document, which runs no script and loads nothing; what it extracts is sanitized at render time like any post.",
  },
];

/** One line of the report and whether it fails the run. */
export interface ReportLine {
  fails: boolean;
  text: string;
}

/** Where a message points, as `file:line:column`. */
function where(m: LintMessage): string {
  return [m.file ?? '(package)', m.line, m.column].filter((x) => x !== undefined).join(':');
}

/** The built code around a message's position (empty when the file or position is unknown). */
export function codeAround(source: string | undefined, m: LintMessage, reach = 300): string {
  if (source === undefined || m.line === undefined) return '';
  const line = source.split('\n')[m.line - 1] ?? '';
  const column = Math.max(0, (m.column ?? 1) - 1);
  return line.slice(Math.max(0, column - reach), column + reach);
}

/** The explanation of a warning, or undefined when it is a new one nobody has explained. */
export function knownWarning(m: LintMessage, around: string): KnownWarning | undefined {
  return KNOWN_WARNINGS.find((k) => k.code === m.code && k.near.test(around));
}

/** Judges a lint output: `readFile` gives a packaged file's text (for recognising warnings). */
export function judgeLint(output: LintOutput, readFile: (name: string) => string | undefined): { ok: boolean; lines: ReportLine[] } {
  const lines: ReportLine[] = [];
  for (const e of output.errors) lines.push({ fails: true, text: `ERROR   ${e.code} at ${where(e)}: ${e.message}` });
  for (const w of output.warnings) {
    const known = knownWarning(w, codeAround(w.file ? readFile(w.file) : undefined, w));
    lines.push(
      known
        ? { fails: false, text: `warning ${w.code} at ${where(w)} (${known.source}): stays, because ${known.reason}` }
        : { fails: true, text: `WARNING ${w.code} at ${where(w)}: ${w.message}. New and unexplained: fix it, or explain it in docs/store/listing.md and scripts/addons-lint-report.ts.` },
    );
  }
  for (const n of output.notices) lines.push({ fails: false, text: `notice  ${n.code} at ${where(n)}: ${n.message}` });
  const failures = lines.filter((l) => l.fails).length;
  lines.push({
    fails: failures > 0,
    text: `addons-linter: ${output.errors.length} errors, ${output.warnings.length} warnings (${output.warnings.length - lines.filter((l) => l.fails && l.text.startsWith('WARNING')).length} explained), ${output.notices.length} notices`,
  });
  return { ok: failures === 0, lines };
}

// @vitest-environment jsdom
// The `sanitize` cases of the shared conformance corpus (feedparser's hostile feeds: scripts,
// handlers, javascript: URLs, applets, frames, meta refresh…) through the real pipeline:
// parseFeed, then what the timeline renders. Judged by the corpus's own matcher (harness/
// compare.mjs, `$safeHtml`), so "harmless" means exactly what the corpus means by it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../feed/parse-feed';
import { sanitizeHtml } from './sanitize-html';

// Strings, not URL objects: under jsdom the global URL is jsdom's, which node:url rejects.
const CORPUS = `${resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus')}/`;
const present = existsSync(`${CORPUS}manifest.json`);

interface SanitizeCase {
  id: string;
  file: string;
  url: string | null;
  contentType: string | null;
  expect: { title?: unknown; items?: Record<string, unknown>[] };
}

type Compare = (field: string, matcher: unknown, actual: unknown) => string | null;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function loadCases(): SanitizeCase[] {
  const manifest: unknown = JSON.parse(readFileSync(`${CORPUS}manifest.json`, 'utf8'));
  if (!isRecord(manifest) || !Array.isArray(manifest.cases)) throw new Error('corpus manifest has no cases');
  return manifest.cases.filter((c): c is SanitizeCase => isRecord(c) && c.category === 'sanitize');
}

function loadCompare(): Compare {
  // Node's own loader, not Vite's: in jsdom mode Vite refuses files outside the project root.
  // compare.mjs is ESM without top-level await, which require() loads on Node >= 20.19.
  const harness: unknown = createRequire(import.meta.url)(`${CORPUS}harness/compare.mjs`);
  if (!isRecord(harness) || typeof harness.compare !== 'function') throw new Error('corpus harness has no compare()');
  const compare = harness.compare as (...args: unknown[]) => unknown;
  return (field, matcher, actual) => {
    const reason = compare(field, matcher, actual, {});
    return typeof reason === 'string' ? reason : null;
  };
}

/** Titles are rendered as text nodes (never as HTML), so this is the markup they produce. */
function renderedAsText(text: string | undefined): string {
  const div = document.createElement('div');
  div.textContent = text ?? '';
  return div.innerHTML;
}

// Cases where Orrery's output is harmless but differs from the reference parser's policy on
// what safe text survives (the corpus README: "treat a miss as a question, not a verdict").
const KEEPS_LESS_TEXT: Readonly<Record<string, string>> = {
  // `<![CDATA[` inside HTML is a bogus comment to an HTML parser (and so to the browser that
  // renders the post); feedparser's SGML sanitizer shows it as text instead.
  'feedparser/wellformed/sanitize/item_content_encoded_script_nested_cdata': 'CDATA in HTML is a comment',
};

const cases = present ? loadCases() : [];

describe('corpus sanitize cases: parseFeed + sanitizeHtml render harmless HTML', () => {
  it.skipIf(!present)('finds the sanitize cases (skipped when ../shared/corpus is absent)', () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  for (const c of cases) {
    it(c.id, () => {
      const compare = loadCompare();
      const url = c.url ?? 'https://corpus.example/feed.xml';
      const bytes = new Uint8Array(readFileSync(`${CORPUS}${c.file}`));
      const result = parseFeed(bytes, { url, ...(c.contentType !== null ? { contentType: c.contentType } : {}) });
      if (!result.ok) throw new Error(`parseFeed failed: ${result.error.message}`);
      const { feed } = result;
      const unknownKeys = Object.keys(c.expect).filter((k) => k !== 'title' && k !== 'items');
      expect(unknownKeys, 'expectation kinds this test does not check').toEqual([]);
      const reasons: string[] = [];
      if (c.expect.title !== undefined) reasons.push(compare('title', c.expect.title, renderedAsText(feed.title)) ?? '');
      for (const [i, itemExpect] of (c.expect.items ?? []).entries()) {
        const item = feed.items[i];
        if (Object.keys(itemExpect).length === 0) continue;
        if (item === undefined) {
          reasons.push(`items[${i}] missing`);
          continue;
        }
        const rendered: Record<string, string> = {
          title: renderedAsText(item.title),
          content: sanitizeHtml(item.contentHtml ?? '', { baseUrl: item.url ?? url }),
          summary: sanitizeHtml(item.summary ?? '', { baseUrl: item.url ?? url }),
        };
        for (const [field, matcher] of Object.entries(itemExpect)) {
          if (!(field in rendered)) reasons.push(`items[${i}].${field}: not checked by this test`);
          else reasons.push(compare(field, matcher, rendered[field]) ?? '');
        }
      }
      const tolerated = (reason: string) => c.id in KEEPS_LESS_TEXT && reason.startsWith('sanitizer dropped safe content');
      expect(reasons.filter((reason) => reason !== '' && !tolerated(reason))).toEqual([]);
    });
  }
});

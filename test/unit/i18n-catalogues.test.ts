/**
 * The catalogues are complete and the pages use them: (a) every language has exactly the English
 * keys, the same `{placeholders}`, no empty message, and the plural forms its language needs;
 * (b) no page writes a visible word inline (lib/i18n/find-inline-strings.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInlineStrings } from '../../lib/i18n/find-inline-strings';

const root = path.resolve(import.meta.dirname, '../..');
const localesDir = path.join(root, 'public/_locales');
type Catalogue = Record<string, { message: string; description?: string }>;
const read = (lang: string): Catalogue => JSON.parse(readFileSync(path.join(localesDir, lang, 'messages.json'), 'utf8')) as Catalogue;
const languages = readdirSync(localesDir).filter((d) => statSync(path.join(localesDir, d)).isDirectory());
const en = read('en');

const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;
const placeholders = (message: string) => [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
/** The categories a language's integers fall into (`Intl.PluralRules` also lists those only decimals take, e.g. "many" in some languages). */
function integerCategories(lang: string): string[] {
  const rules = new Intl.PluralRules(lang.replace('_', '-'));
  const counts = [...Array.from({ length: 1001 }, (_, i) => i), 1e4, 1e5, 1e6, 2e6, 1e7, 1e9];
  return [...new Set(counts.map((n) => rules.select(n)))].sort();
}

/** What is wrong with the catalogue of `lang` compared with English. */
function catalogueProblems(lang: string, cat: Catalogue, reference: Catalogue): string[] {
  const problems: string[] = [];
  const stems = (c: Catalogue) => new Set(Object.keys(c).flatMap((k) => (PLURAL.exec(k)?.[2] === 'other' ? [PLURAL.exec(k)![1]!] : [])));
  const refStems = stems(reference);
  const isPluralForm = (k: string) => refStems.has(PLURAL.exec(k)?.[1] ?? '\u0000');
  const refKeys = Object.keys(reference).filter((k) => !isPluralForm(k));
  const keys = Object.keys(cat).filter((k) => !isPluralForm(k));
  for (const k of refKeys) if (!(k in cat)) problems.push(`${lang}: missing ${k}`);
  for (const k of keys) if (!(k in reference)) problems.push(`${lang}: ${k} is not in en`);
  for (const [k, v] of Object.entries(cat)) {
    if (typeof v?.message !== 'string' || v.message.trim() === '') problems.push(`${lang}: ${k} is empty`);
    else if (v.message.includes('$')) problems.push(`${lang}: ${k} has a "$" (the browser's own placeholders)`);
  }
  for (const k of refKeys) {
    if (!(k in cat) || !cat[k]?.message) continue;
    const want = placeholders(reference[k]!.message).join(', ');
    const got = placeholders(cat[k].message).join(', ');
    if (got !== want) problems.push(`${lang}: ${k} has {${got}}, en has {${want}}`);
  }
  const categories = integerCategories(lang);
  for (const stem of refStems) {
    const have = Object.keys(cat).filter((k) => PLURAL.exec(k)?.[1] === stem).map((k) => PLURAL.exec(k)![2]!).sort();
    if (have.join() !== categories.join()) problems.push(`${lang}: ${stem} has forms [${have.join(', ')}], ${lang} needs [${categories.join(', ')}]`);
    const want = placeholders(reference[`${stem}_other`]!.message).join(', ');
    for (const form of have) {
      const got = placeholders(cat[`${stem}_${form}`]?.message ?? '');
      // A singular may say "every day" instead of "every {count} days": only {count} may be left out there.
      const allowed = form === 'one' ? got.join(', ') === want || [...got, 'count'].sort().join(', ') === want : got.join(', ') === want;
      if (!allowed) problems.push(`${lang}: ${stem}_${form} has {${got.join(', ')}}, en has {${want}}`);
    }
  }
  return problems;
}

describe('message catalogues', () => {
  it('include English, German and French', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'de', 'fr']));
  });

  it('English has its own plural forms and placeholders right', () => {
    expect(catalogueProblems('en', en, en)).toEqual([]);
  });

  it.each(languages.filter((l) => l !== 'en'))('%s has exactly the English keys, placeholders and its plural forms', (lang) => {
    expect(catalogueProblems(lang, read(lang), en)).toEqual([]);
  });

  it('the check catches a missing key, a lost placeholder, an empty message and a missing plural form', () => {
    const broken: Catalogue = structuredClone(en);
    delete broken['timeline_loadOlder'];
    broken['timeline_alsoIn'] = { message: 'auch in' };
    broken['common_undo'] = { message: ' ' };
    delete broken['timeline_posts_one'];
    broken['timeline_markedRead_other'] = { message: '{n} Beiträge gelesen.' };
    broken['timeline_extra'] = { message: 'x' };
    expect(catalogueProblems('de', broken, en).sort()).toEqual([
      'de: common_undo is empty',
      'de: missing timeline_loadOlder',
      'de: timeline_alsoIn has {}, en has {feeds}',
      'de: timeline_extra is not in en',
      'de: timeline_markedRead_other has {n}, en has {count}',
      'de: timeline_posts has forms [other], de needs [one, other]',
    ]);
    expect(catalogueProblems('fr', structuredClone(en), en)).toContain('fr: timeline_posts has forms [one, other], fr needs [many, one, other]');
  });
});

// The directories whose pages must take every word from the catalogues; an area joins once converted.
const CONVERTED = [
  'components/popup',
  'components/timeline',
  'components/player',
  'components/subscribe',
  'components/options',
  'entrypoints/popup',
  'entrypoints/timeline',
  'entrypoints/options',
  'lib/ui',
  'lib/rules',
  'lib/notify',
  'lib/permissions',
  'lib/tab-feeds',
];
// Single worker files that write reader-facing text, in directories that also hold developer strings.
const CONVERTED_FILES = [
  'lib/poll/describe-status.ts',
  'lib/poll/schedule-duration-text.ts',
  'lib/poll/fetch-feed.ts',
  ...['feed-report', 'preview-url', 'subscribe-url', 'confirm-subscription', 'user-url', 'import-opml', 'planets', 'subscribe-handlers', 'check-removed-feed', 'grade-words', 'posting-cadence'].map((f) => `lib/subscribe/${f}.ts`),
  'lib/opml/parse-opml.ts',
  'lib/opml/normalize-feed-url.ts',
  ...['fetch-article-page', 'extract-article', 'load-article'].map((f) => `lib/fulltext/${f}.ts`),
  // (offscreen-extractor.ts: its one sentence is the offscreen document's justification, read by the browser, not the reader.)
  'lib/sync/describe-sync-error.ts',
  'lib/sync/create-browser-sync.ts',
];
// The root components (shared by every page), not their subdirectories.
const ROOT_FILES = ['components'];
// Plain .ts files in those directories that make no text for the screen (their literals are for developers).
const NOT_UI = ['lib/ui/insecure-media.ts'];

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

function scannedFiles(): string[] {
  const source = (f: string) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !NOT_UI.includes(path.relative(root, f));
  const files = [
    ...CONVERTED.flatMap((d) => walk(path.join(root, d))),
    ...CONVERTED_FILES.map((f) => path.join(root, f)),
    ...ROOT_FILES.flatMap((d) => readdirSync(path.join(root, d)).map((f) => path.join(root, d, f))).filter((f) => statSync(f).isFile()),
  ];
  return [...new Set(files.filter(source))].sort();
}

describe('inline strings', () => {
  it('no converted page writes a visible word inline: every one comes from t()/tn()', () => {
    const files = scannedFiles();
    expect(files.length).toBeGreaterThan(40);
    const found = files.flatMap((f) => findInlineStrings(readFileSync(f, 'utf8'), f).map((s) => `${path.relative(root, f)}:${s.line}: ${s.text}`));
    expect(found).toEqual([]);
  });
});

/**
 * The article of a web page: the page's lazy images and relative addresses repaired, then
 * Mozilla's Readability (the algorithm of Firefox's Reader View) keeps the main content.
 * Needs a DOM (a Document to work on): an extension page, the offscreen document, Firefox's
 * event page, or jsdom in tests.
 */
import { t } from '../i18n/t';
import { Readability } from '@mozilla/readability';
import { repairLazyImages } from './repair-lazy-images';
import { documentBase, resolveArticleUrls } from './resolve-article-urls';

/** What extraction gives: the article, or why there is none. */
export type ExtractResult =
  | { ok: true; html: string; text: string; title: string }
  | { ok: false; reason: 'not-an-article'; message: string };

/** Below this many characters of text the page is a listing, a login wall or an error page, not an article. */
export const MIN_ARTICLE_CHARS = 200;

/** Text with runs of whitespace collapsed. */
export function collapseText(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Extracts the article of `doc` (fetched from `pageUrl`; the document is changed). `parse`
 * reads markup kept as text (a <noscript> when the document was parsed with scripting on).
 */
export function extractArticle(doc: Document, pageUrl: string, parse?: (html: string) => Document): ExtractResult {
  const base = documentBase(doc, pageUrl);
  repairLazyImages(doc, parse);
  // Resolved before Readability runs: its own pass misses srcset in older versions and
  // a DOMParser document's base is the extension's, not the page's.
  resolveArticleUrls(doc.documentElement, base);
  let parsed: ReturnType<Readability<string>['parse']>;
  try {
    // Readability's default threshold (500 characters): below it, it retries with looser rules,
    // which finds the article where a first pass settled on a "more from this author" box
    // (measured: a threshold of 300 lost one Medium-like page of 33 in bench:fulltext).
    parsed = new Readability(doc, { keepClasses: false }).parse();
  } catch (err) {
    return { ok: false, reason: 'not-an-article', message: t('fulltext_unreadable', { detail: err instanceof Error ? err.message : String(err) }) };
  }
  const text = collapseText(parsed?.textContent ?? '');
  if (!parsed?.content || text.length < MIN_ARTICLE_CHARS) {
    return { ok: false, reason: 'not-an-article', message: t('fulltext_notAnArticle') };
  }
  return { ok: true, html: parsed.content, text, title: collapseText(parsed.title ?? '') };
}

/** Parses `html` with `parser` and extracts its article. */
export function extractFromHtml(html: string, pageUrl: string, parser: { parseFromString(html: string, type: 'text/html'): Document }): ExtractResult {
  const parse = (h: string) => parser.parseFromString(h, 'text/html');
  return extractArticle(parse(html), pageUrl, parse);
}

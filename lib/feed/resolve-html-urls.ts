import { decodeEntities } from '../xml/decode-entities.ts';
import { resolveUrl } from './resolve-url.ts';

/** Attributes that hold one URL (HTML 4 + media), as the reference parsers resolve them. */
const URL_ATTRS = [
  'href', 'src', 'poster', 'cite', 'action', 'background', 'longdesc', 'usemap', 'codebase', 'data', 'profile',
  'formaction', 'icon', 'manifest',
];

/** Whether html[start, start+len) names a URL attribute; compared in place (no substring per attribute). */
const BY_LENGTH: string[][] = [];
for (const name of URL_ATTRS) (BY_LENGTH[name.length] ??= []).push(name);

function isUrlAttr(html: string, start: number, len: number): boolean {
  for (const name of BY_LENGTH[len] ?? []) if (html.startsWith(name, start)) return true;
  const c = html.charCodeAt(start);
  if (c < 65 || c > 90) return false; // upper-case names (HREF=) are rare: only then lower-case a copy
  return URL_ATTRS.includes(html.slice(start, start + len).toLowerCase());
}
const ABSOLUTE = /^\s*[A-Za-z][A-Za-z0-9+.-]*:/;

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
const isNameChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

function safeDecodeUri(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** The attribute value starting at `start` (after '=' and spaces): [value, end index], or undefined. */
function readValue(html: string, start: number): [string, number] | undefined {
  const q = html.charCodeAt(start);
  if (q === 34 || q === 39) {
    const end = html.indexOf(q === 34 ? '"' : "'", start + 1);
    return end === -1 ? undefined : [html.slice(start + 1, end), end + 1];
  }
  let end = start;
  while (end < html.length && !isSpace(html.charCodeAt(end)) && html.charCodeAt(end) !== 62) end++;
  return end === start ? undefined : [html.slice(start, end), end];
}

/**
 * Relative URLs in the href/src-like attributes of an HTML fragment, resolved against `base`.
 * String-level rewriting (the service worker has no DOM), one indexOf('=') pass: a name=value
 * counts only inside a tag (the last '<' before it is after the last '>'); absolute URLs and
 * fragment-only links are left alone; rewritten values are double-quoted.
 */
export function resolveHtmlUrls(html: string, base: string | undefined): string {
  if (!base) return html;
  const out: string[] = []; // joined once: a flat string, not a rope of slices of the document
  let last = 0;
  // The last '<' and '>' before a candidate, tracked forward (lastIndexOf from every candidate
  // would be quadratic on text full of "href=").
  let lastLt = -1;
  let lastGt = -1;
  let nextLt = html.indexOf('<');
  let nextGt = html.indexOf('>');
  const insideTag = (pos: number): boolean => {
    while (nextLt !== -1 && nextLt < pos) {
      lastLt = nextLt;
      nextLt = html.indexOf('<', nextLt + 1);
    }
    while (nextGt !== -1 && nextGt < pos) {
      lastGt = nextGt;
      nextGt = html.indexOf('>', nextGt + 1);
    }
    return lastLt > lastGt;
  };
  for (let eq = html.indexOf('='); eq !== -1; eq = html.indexOf('=', eq + 1)) {
    let j = eq - 1;
    while (j >= 0 && isSpace(html.charCodeAt(j))) j--;
    let k = j;
    while (k >= 0 && isNameChar(html.charCodeAt(k))) k--;
    const len = j - k;
    if (len < 3 || len > 10 || k < 0 || !isSpace(html.charCodeAt(k))) continue;
    if (!isUrlAttr(html, k + 1, len)) continue;
    if (!insideTag(k)) continue; // text, not a tag
    let v = eq + 1;
    while (v < html.length && isSpace(html.charCodeAt(v))) v++;
    const read = readValue(html, v);
    if (!read) continue;
    const [raw, end] = read;
    if (ABSOLUTE.test(raw)) continue;
    const value = decodeEntities(raw).trim();
    if (value === '' || value.startsWith('#') || ABSOLUTE.test(value)) continue;
    let url = resolveUrl(value, base);
    // Keep non-ASCII as the publisher wrote it (an IRI) rather than percent-encoded.
    if (/[\u0080-\uffff]/.test(value) && !value.includes('%')) url = safeDecodeUri(url);
    out.push(html.slice(last, v), '"', url.replace(/&/g, '&amp;').replace(/"/g, '&quot;'), '"');
    last = end;
    eq = end - 1;
  }
  if (last === 0) return html;
  out.push(html.slice(last));
  return out.join('');
}

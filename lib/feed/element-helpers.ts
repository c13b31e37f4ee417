import { serializeChildren } from '../xml/serialize-children.ts';
import type { XmlElement } from '../xml/xml-node.ts';

/** The first child element with this normalized key (see XmlElement.key). */
export function child(el: XmlElement, key: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && c.key === key) return c;
  return undefined;
}

/** Every child element with this normalized key. */
export function children(el: XmlElement, key: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && c.key === key) out.push(c);
  return out;
}

/** Child elements, text runs skipped. */
export function childElements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string') out.push(c);
  return out;
}

/** All text inside an element, descendants included, untrimmed. */
export function textOf(el: XmlElement): string {
  if (el.children.length === 1 && typeof el.children[0] === 'string') return el.children[0];
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}

/** Whether an element holds child elements (markup written unescaped), not only text. */
export function hasElementChildren(el: XmlElement): boolean {
  return el.children.some((c) => typeof c !== 'string');
}

/**
 * An element's content as HTML: its text when the publisher escaped the HTML (or used CDATA),
 * or its child markup re-serialized when the publisher wrote the HTML unescaped inline.
 */
export function markupOf(el: XmlElement): string {
  return hasElementChildren(el) ? serializeChildren(el) : textOf(el);
}

/** Trimmed text of the first child with this key; undefined when absent or blank. */
export function childText(el: XmlElement, key: string): string | undefined {
  const c = child(el, key);
  if (!c) return undefined;
  const t = textOf(c).trim();
  return t === '' ? undefined : t;
}

/**
 * Trimmed text of the child whose key comes first in `keys` (a fallback chain such as
 * pubDate, dc:date, dcterms:issued), in one pass over the children; undefined when none has text.
 */
export function childTextOf(el: XmlElement, keys: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestRank = keys.length;
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    const rank = keys.indexOf(c.key);
    if (rank === -1 || rank >= bestRank) continue;
    const t = textOf(c).trim();
    if (t === '') continue;
    best = t;
    bestRank = rank;
    if (rank === 0) break;
  }
  return best;
}

/** The first defined, non-blank value. */
export function firstOf<T>(...values: (T | undefined)[]): T | undefined {
  for (const v of values) if (v !== undefined && v !== '') return v;
  return undefined;
}

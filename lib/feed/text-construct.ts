import { serializeChildren } from '../xml/serialize-children.ts';
import type { XmlElement } from '../xml/xml-node.ts';
import { childElements, markupOf, textOf } from './element-helpers.ts';
import { escapeHtml } from './escape-html.ts';
import { htmlToText } from './html-to-text.ts';
import { contentHtml } from './content-html.ts';
import { oneLineText } from './one-line-text.ts';

type Kind = 'text' | 'html' | 'xhtml' | 'other';

/** Atom 1.0 type="text|html|xhtml" and Atom 0.3 MIME types, reduced to one kind. */
function kindOf(el: XmlElement): Kind {
  const type = (el.attrs['type'] ?? '').trim().toLowerCase();
  if (type === '' || type === 'text' || type === 'text/plain') return 'text';
  if (type === 'html' || type === 'text/html') return 'html';
  if (type === 'xhtml' || type === 'application/xhtml+xml') return 'xhtml';
  if (type.startsWith('text/') || type.endsWith('+xml') || type.endsWith('/xml')) return 'text';
  return 'other';
}

function base64Text(el: XmlElement): string {
  try {
    const bin = atob(textOf(el).replace(/\s+/g, ''));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
}

/** XHTML content without its wrapping <div> (Atom requires one; it is not content). */
function xhtmlMarkup(el: XmlElement): string {
  const kids = childElements(el);
  const onlyDiv = kids.length === 1 && kids[0]?.name.replace(/^.*:/, '') === 'div' &&
    el.children.every((c) => typeof c !== 'string' || c.trim() === '');
  return serializeChildren(onlyDiv ? (kids[0] as XmlElement) : el);
}

/**
 * An Atom text construct (title, subtitle, summary, content, rights) as HTML with relative URLs
 * resolved against the element's xml:base; undefined for non-text media (e.g. an image).
 */
export function textConstructHtml(el: XmlElement): string | undefined {
  const kind = kindOf(el);
  let html: string;
  if (kind === 'other') {
    // Non-text media types are base64 (RFC 4287 §3.1.1.3); what is readable of it is text.
    const decoded = base64Text(el);
    if (decoded === '') return undefined;
    html = escapeHtml(decoded);
  } else if (el.attrs['mode'] === 'base64') {
    const decoded = base64Text(el);
    html = kind === 'text' ? escapeHtml(decoded) : decoded;
  } else if (kind === 'xhtml') {
    html = xhtmlMarkup(el);
  } else if (kind === 'html') {
    html = markupOf(el);
  } else {
    // Text, or markup a publisher left unescaped in a text construct: keep it as markup.
    html = childElements(el).length > 0 ? serializeChildren(el) : escapeHtml(textOf(el));
  }
  return contentHtml(html, el.base) ?? '';
}

/** An Atom text construct as plain text (titles are shown as text everywhere in Orrery). */
export function textConstructPlain(el: XmlElement): string {
  const kind = kindOf(el);
  // type="text" is text as written (`&lt;/example&gt;` is "</example>", `&amp;amp;` is "&amp;"):
  // the publisher said so. type="html"/"xhtml" are markup, reduced to what a browser would show.
  if (kind === 'other') return oneLineText(base64Text(el));
  if (kind === 'text' && el.attrs['mode'] !== 'base64') return oneLineText(textOf(el));
  return oneLineText(htmlToText(textConstructHtml(el) ?? ''));
}

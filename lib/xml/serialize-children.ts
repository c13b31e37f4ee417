import type { XmlElement } from './xml-node.ts';

/** HTML elements that never have an end tag. */
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

const escapeText = (s: string): string =>
  s.indexOf('&') === -1 && s.indexOf('<') === -1 && s.indexOf('>') === -1
    ? s
    : s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

function serializeInto(el: XmlElement, out: string[]): void {
  for (const child of el.children) {
    if (typeof child === 'string') {
      out.push(escapeText(child));
      continue;
    }
    // Prefixes are dropped (<xhtml:b> is <b> in HTML), and so are namespace declarations.
    const name = child.name.slice(child.name.indexOf(':') + 1);
    let open = `<${name}`;
    for (const [k, v] of Object.entries(child.attrs)) {
      if (k === 'xmlns' || k.startsWith('xmlns:') || k.startsWith('xml:')) continue;
      open += ` ${k}="${escapeAttr(v)}"`;
    }
    out.push(`${open}>`);
    serializeInto(child, out);
    // A void element that (leniently) swallowed content gets no end tag; the content follows it.
    if (!VOID.has(name.toLowerCase())) out.push(`</${name}>`);
  }
}

/**
 * The markup inside an element, as HTML: children re-serialized with prefixes and namespace
 * declarations removed and text re-escaped. Used for inline XHTML and unescaped HTML in feeds.
 */
export function serializeChildren(el: XmlElement): string {
  const out: string[] = [];
  serializeInto(el, out);
  return out.join('');
}

import type { XmlElement } from './xml-node.ts';

/** HTML elements that never have an end tag. */
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** Foreign vocabularies embedded in XHTML content, by their normalized prefix (see XmlElement.key). */
const FOREIGN_NS: Record<string, string> = { svg: 'http://www.w3.org/2000/svg', math: 'http://www.w3.org/1998/Math/MathML' };

const escapeText = (s: string): string =>
  s.indexOf('&') === -1 && s.indexOf('<') === -1 && s.indexOf('>') === -1
    ? s
    : s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

function serializeInto(el: XmlElement, out: string[]): void {
  const parentNs = el.key.slice(0, el.key.indexOf(':') + 1);
  for (const child of el.children) {
    if (typeof child === 'string') {
      out.push(escapeText(child));
      continue;
    }
    // Prefixes are dropped (<xhtml:b> is <b> in HTML), and so are namespace declarations.
    const name = child.name.slice(child.name.indexOf(':') + 1);
    let open = `<${name}`;
    // <svg:svg> loses its prefix, so it needs its namespace back as a default declaration.
    const prefix = child.key.slice(0, child.key.indexOf(':') + 1);
    const foreign = FOREIGN_NS[prefix.slice(0, -1)];
    if (foreign && prefix !== parentNs && child.attrs['xmlns'] === undefined) open += ` xmlns="${foreign}"`;
    for (const [k, v] of Object.entries(child.attrs)) {
      // Prefix declarations and the XHTML namespace go; a foreign default namespace (SVG, MathML)
      // stays, since the browser needs it to render that island.
      if (k.startsWith('xmlns:') || k.startsWith('xml:') || (k === 'xmlns' && v.trim() === XHTML_NS)) continue;
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

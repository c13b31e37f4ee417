import type { XmlElement } from '../xml/xml-node.ts';

/**
 * What the first character after leading blanks says: JSON, XML (markup), or neither. Blanks are
 * XML whitespace and byte-order marks (a BOM the decoder did not take, or a second one), skipped
 * however many there are: template engines leave kilobytes of blank lines before the root. One
 * pass that stops at the first other character, so megabytes of blanks cost one linear scan.
 */
export function sniffSyntax(text: string): 'json' | 'xml' | 'unknown' {
  let i = 0;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) i++;
    else if (c === 123) return 'json'; // {
    else if (c === 60) return 'xml'; // <
    else return 'unknown'; // any other character, or NaN past the end
  }
}

/**
 * The feed format named by an XML document's root element, or undefined (an HTML page, a
 * sitemap…). Namespaces are not required: feeds in the wild often omit or misspell them.
 */
export function formatOfRoot(root: XmlElement): 'rss' | 'atom' | 'rdf' | undefined {
  const local = root.name.slice(root.name.indexOf(':') + 1).toLowerCase();
  if (local === 'rss' || local === 'channel') return 'rss';
  if (local === 'feed') return 'atom';
  if (local === 'rdf') return 'rdf';
  return undefined;
}

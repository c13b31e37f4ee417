import type { XmlElement } from '../xml/xml-node.ts';

/** What the first non-blank character says: JSON, XML (markup), or neither. */
export function sniffSyntax(text: string): 'json' | 'xml' | 'unknown' {
  const m = /\S/.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  if (!m) return 'unknown';
  if (m[0] === '{') return 'json';
  if (m[0] === '<') return 'xml';
  return 'unknown';
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

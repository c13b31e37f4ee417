import { decodeEntities } from '../xml/decode-entities.ts';

/**
 * The visible text of an HTML fragment, whitespace collapsed: comments and tags dropped,
 * character references decoded. For titles, which Orrery shows as plain text everywhere.
 */
export function htmlToText(html: string): string {
  const stripped = html.indexOf('<') === -1 ? html : html.replace(/<!--[\s\S]*?-->|<\/?[A-Za-z][^>]*>/g, '');
  return decodeEntities(stripped).replace(/\s+/g, ' ').trim();
}

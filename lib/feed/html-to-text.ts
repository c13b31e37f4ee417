import { decodeEntities } from '../xml/decode-entities.ts';

// Comments, and tags whose quoted attribute values may themselves contain '>'.
const TAG_RE = /<!--[\s\S]*?-->|<\/?[A-Za-z](?:[^>"']|"[^"]*"|'[^']*')*>/g;

/**
 * The visible text of an HTML fragment, whitespace collapsed: comments and tags dropped,
 * character references decoded. For titles, which Orrery shows as plain text everywhere.
 */
export function htmlToText(html: string): string {
  const stripped = html.indexOf('<') === -1 ? html : html.replace(TAG_RE, '');
  return decodeEntities(stripped).replace(/[ \t\n\r\f]+/g, ' ').trim();
}

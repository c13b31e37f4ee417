import { htmlToText } from './html-to-text.ts';

/**
 * A title as plain text. RSS titles are text that publishers often fill with HTML (tags,
 * entities), so markup is reduced to its visible text; a lone "<" or "&" is kept as written.
 */
export function plainTitle(text: string): string {
  if (!/<[A-Za-z/!]|&#?\w+;/.test(text)) return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
  return htmlToText(text);
}

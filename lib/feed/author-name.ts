import { oneLineText } from './one-line-text.ts';

/**
 * A display name from an RSS author value: "jdoe@example.com (John Doe)" and
 * "John Doe <jdoe@example.com>" give "John Doe"; anything else is returned as one line of text (controls removed).
 */
export function authorName(raw: string | undefined): string | undefined {
  const s = raw === undefined ? undefined : oneLineText(raw);
  if (!s) return undefined;
  // The patterns below backtrack; a "name" this long is not one to take apart anyway.
  if (s.length > 200) return s;
  const paren = /^\S+@\S+\s*\((.+)\)$/.exec(s);
  if (paren?.[1]?.trim()) return paren[1].trim();
  const angle = /^(.+?)\s*<[^<>@\s]+@[^<>\s]+>$/.exec(s);
  if (angle?.[1]) return angle[1].replace(/^"|"$/g, '').trim();
  return s;
}

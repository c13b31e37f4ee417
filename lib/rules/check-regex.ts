/**
 * Bounds on a rule's regular expression. JavaScript's engine backtracks, and rules run in the
 * worker on every new post, so a pattern that can take exponential time ((a+)+ against
 * "aaaa…b") would stall every poll. Patterns are kept short, without backreferences or
 * lookarounds, without a repeated group that itself repeats, with few unbounded repeats; and
 * they run on plain text of at most MAX_TEXT characters (match-rules.ts).
 */

import { t } from '../i18n/t';

/** Longest pattern accepted. */
export const MAX_PATTERN = 200;
/** Most unbounded repeats (*, +, {n,}) in one pattern: each can multiply the work by the text's length. */
export const MAX_UNBOUNDED = 3;

/** Why `pattern` is refused as a rule's regular expression, or undefined when it is fine. */
export function checkRegex(pattern: string): string | undefined {
  if (pattern.trim() === '') return t('rules_typePattern');
  if (pattern.length > MAX_PATTERN) return t('rules_patternTooLong', { length: pattern.length, max: MAX_PATTERN });
  try {
    new RegExp(pattern, 'iu');
  } catch (err) {
    const msg = err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : String(err);
    return t('rules_badRegex', { detail: msg });
  }
  if (/\\[1-9]|\\k</.test(pattern)) return t('rules_noBackreferences');
  if (/\(\?<?[=!]/.test(pattern)) return t('rules_noLookarounds');
  return checkRepeats(pattern);
}

/** Walks the pattern once, tracking groups, to find nested unbounded repeats and count them. */
function checkRepeats(pattern: string): string | undefined {
  // For each open group: does its body hold an unbounded repeat?
  const stack: boolean[] = [];
  let unbounded = 0;
  let inClass = false;
  let lastGroupRepeats = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      lastGroupRepeats = false;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      lastGroupRepeats = false;
      continue;
    }
    if (c === '(') {
      stack.push(false);
      lastGroupRepeats = false;
      continue;
    }
    if (c === ')') {
      lastGroupRepeats = stack.pop() ?? false;
      // A group's inner repeat also makes the enclosing group's body repeat.
      if (lastGroupRepeats && stack.length > 0) stack[stack.length - 1] = true;
      const next = pattern[i + 1];
      const brace = next === '{' ? /^\{\d+(,\d*)?\}/.exec(pattern.slice(i + 1)) : null;
      const repeatsUnbounded = next === '*' || next === '+' || (brace !== null && (brace[1] === ',' || brace[1] !== undefined && Number(brace[1].slice(1)) > 10));
      if (repeatsUnbounded && lastGroupRepeats) {
        return t('rules_nestedRepeat', { start: pattern.slice(0, i + 2) });
      }
      continue;
    }
    const brace = c === '{' ? /^\{\d+(,\d*)?\}/.exec(pattern.slice(i)) : null;
    if (c === '*' || c === '+' || (brace && brace[1] === ',')) {
      unbounded++;
      if (stack.length > 0) stack[stack.length - 1] = true;
      if (unbounded > MAX_UNBOUNDED) return t('rules_tooManyRepeats', { max: MAX_UNBOUNDED });
    }
    lastGroupRepeats = false;
  }
  return undefined;
}

/**
 * Bounds on a rule's regular expression. JavaScript's engine backtracks, and rules run in the
 * worker on every new post, so a pattern that can take exponential time ((a+)+ against
 * "aaaa…b") would stall every poll. Patterns are kept short, without backreferences or
 * lookarounds, without a repeated group that itself repeats, with few unbounded repeats; and
 * they run on plain text of at most MAX_TEXT characters (match-rules.ts).
 */

/** Longest pattern accepted. */
export const MAX_PATTERN = 200;
/** Most unbounded repeats (*, +, {n,}) in one pattern: each can multiply the work by the text's length. */
export const MAX_UNBOUNDED = 3;

/** Why `pattern` is refused as a rule's regular expression, or undefined when it is fine. */
export function checkRegex(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'Type a pattern.';
  if (pattern.length > MAX_PATTERN) return `The pattern is ${pattern.length} characters long; at most ${MAX_PATTERN} are allowed.`;
  try {
    new RegExp(pattern, 'iu');
  } catch (err) {
    const msg = err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : String(err);
    return `Not a valid regular expression: ${msg}.`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'Backreferences (\\1, \\k<name>) are not allowed: they can make matching take very long.';
  if (/\(\?<?[=!]/.test(pattern)) return 'Lookarounds ((?=…), (?!…), (?<=…), (?<!…)) are not allowed: they can make matching take very long.';
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
        return `“${pattern.slice(0, i + 2)}…” repeats a group that itself repeats (like (a+)+): that can take exponential time. Rewrite it without the nesting.`;
      }
      continue;
    }
    const brace = c === '{' ? /^\{\d+(,\d*)?\}/.exec(pattern.slice(i)) : null;
    if (c === '*' || c === '+' || (brace && brace[1] === ',')) {
      unbounded++;
      if (stack.length > 0) stack[stack.length - 1] = true;
      if (unbounded > MAX_UNBOUNDED) return `At most ${MAX_UNBOUNDED} unbounded repeats (*, +, {n,}) are allowed in one pattern.`;
    }
    lastGroupRepeats = false;
  }
  return undefined;
}

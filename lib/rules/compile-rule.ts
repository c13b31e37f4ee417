/** A rule turned into a test over a post's plain text; a bad pattern becomes a message for the reader. */
import { t } from '../i18n/t';
import { checkRegex } from './check-regex';
import { foldText } from './fold-text';
import type { Rule } from './types';

/** A rule ready to run. */
export interface CompiledRule {
  rule: Rule;
  /** True when `text` (plain text, not folded) matches. */
  test: (text: string) => boolean;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Whole words: no letter or digit on either side (\b knows only ASCII).
const wordly = (body: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'u');

/** Why the rule's pattern cannot be used (words the reader sees where they typed it), or undefined. */
export function ruleError(rule: Pick<Rule, 'match' | 'pattern' | 'fields'>): string | undefined {
  if (rule.fields.length === 0) return t('rules_chooseFields');
  if (rule.match === 'regex') return checkRegex(rule.pattern);
  if (foldText(rule.pattern).trim() === '') return rule.match === 'words' ? t('rules_typeWord') : t('rules_typePhrase');
  if (rule.pattern.length > 500) return t('rules_atMostChars', { max: 500 });
  return undefined;
}

/** Compiles a rule, or returns why it cannot be. */
export function compileRule(rule: Rule): { ok: true; compiled: CompiledRule } | { ok: false; error: string } {
  const error = ruleError(rule);
  if (error) return { ok: false, error };
  if (rule.match === 'regex') {
    const re = new RegExp(rule.pattern, 'iu');
    return { ok: true, compiled: { rule, test: (text) => re.test(text) } };
  }
  const folded = foldText(rule.pattern).trim();
  const body =
    rule.match === 'words'
      ? folded.split(/\s+/).map(escapeRegex).join('|')
      : folded.split(/\s+/).map(escapeRegex).join('\\s+');
  const re = wordly(body);
  return { ok: true, compiled: { rule, test: (text) => re.test(foldText(text)) } };
}

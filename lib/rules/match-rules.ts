/** Which rules a post matches: the first mute rule hides it or marks it read, the first highlight rule marks it. */
import type { StoredPost } from '../db/types';
import { textOf } from '../ui/strip-html';
import { compileRule, type CompiledRule } from './compile-rule';
import type { Rule, RuleField } from './types';

/** Rules run on at most this many characters of each field (bounds a regular expression's work). */
export const MAX_TEXT = 20_000;

/** What the rules decide for one post. */
export interface RuleVerdict {
  /** The mute rule that hides the post. */
  hiddenBy?: string;
  /** The mute rule that marks it read (and leaves it in the river). */
  readBy?: string;
  /** The highlight rule that matched. */
  highlightBy?: string;
}

/** Compiles the enabled rules that can run (a stored rule with a bad pattern is skipped, never thrown). */
export function compileRules(rules: Rule[]): CompiledRule[] {
  const out: CompiledRule[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const c = compileRule(rule);
    if (c.ok) out.push(c.compiled);
  }
  return out;
}

function inScope(rule: Rule, post: StoredPost): boolean {
  const s = rule.scope;
  return s.kind === 'all' || (s.kind === 'feed' ? s.feedId === post.feedId : s.folder === post.folder);
}

/** The post's field as plain text, capped at MAX_TEXT characters. */
function fieldText(post: StoredPost, field: RuleField, cache: Map<RuleField, string>): string {
  let t = cache.get(field);
  if (t === undefined) {
    t = field === 'title' ? post.title : field === 'author' ? (post.author ?? '') : textOf(post.contentHtml ?? post.summary);
    t = t.length > MAX_TEXT ? t.slice(0, MAX_TEXT) : t;
    cache.set(field, t);
  }
  return t;
}

/** Runs the rules over one post. */
export function matchRules(rules: CompiledRule[], post: StoredPost): RuleVerdict {
  const verdict: RuleVerdict = {};
  const cache = new Map<RuleField, string>();
  for (const { rule, test } of rules) {
    const slot = rule.action === 'hide' ? 'hiddenBy' : rule.action === 'read' ? 'readBy' : 'highlightBy';
    if (verdict[slot] !== undefined || !inScope(rule, post)) continue;
    if (rule.fields.some((f) => test(fieldText(post, f, cache)))) verdict[slot] = rule.id;
  }
  return verdict;
}

/**
 * The post with the verdict applied: hidden or read-muted posts are marked read (a muted post
 * must not count as unread), highlight set or cleared. Rules never mark a post unread.
 */
export function withVerdict(post: StoredPost, v: RuleVerdict): StoredPost {
  const next: StoredPost = { ...post };
  delete next.hiddenBy;
  delete next.highlightBy;
  if (v.hiddenBy) next.hiddenBy = v.hiddenBy;
  if (v.highlightBy) next.highlightBy = v.highlightBy;
  if (v.hiddenBy || v.readBy) next.read = 1;
  return next;
}

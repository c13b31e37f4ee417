import { describe, expect, it } from 'vitest';
import type { StoredPost } from '../db/types';
import { checkRegex } from './check-regex';
import { compileRule, ruleError } from './compile-rule';
import { compileRules, matchRules, MAX_TEXT, withVerdict } from './match-rules';
import type { Rule } from './types';

let n = 0;
function rule(r: Partial<Rule> & Pick<Rule, 'pattern'>): Rule {
  return { id: `r${++n}`, action: 'hide', match: 'words', fields: ['title', 'content'], scope: { kind: 'all' }, enabled: true, ...r };
}

function post(p: Partial<StoredPost> = {}): StoredPost {
  return { feedId: 'f1', id: 'p1', title: 'A post', firstSeen: 0, sortKey: 0, enclosures: [], categories: [], read: 0, starred: 0, folder: 'Blogs', updatedAt: 0, ...p };
}

const matches = (r: Rule, p: StoredPost) => {
  const c = compileRule(r);
  if (!c.ok) throw new Error(c.error);
  return c.compiled.rule.fields.some((f) => c.compiled.test(f === 'title' ? p.title : f === 'author' ? (p.author ?? '') : (p.contentHtml ?? '')));
};

describe('rules: words and phrases', () => {
  it('words: any of them, as whole words, ignoring case and accents', () => {
    const r = rule({ pattern: 'crypto NFT' });
    expect(matches(r, post({ title: 'Why Crypto matters' }))).toBe(true);
    expect(matches(r, post({ title: 'nft drop' }))).toBe(true);
    expect(matches(r, post({ title: 'Cryptography in Python' }))).toBe(false);
    expect(matches(rule({ pattern: 'cafe' }), post({ title: 'Le Café' }))).toBe(true);
    expect(matches(rule({ pattern: 'Café' }), post({ title: 'CAFE crawl' }))).toBe(true);
  });

  it('phrase: the words in order, any spacing, not inside other words', () => {
    const r = rule({ match: 'phrase', pattern: 'sponsored   post' });
    expect(matches(r, post({ title: 'This is a Sponsored\npost' }))).toBe(true);
    expect(matches(r, post({ title: 'post sponsored' }))).toBe(false);
    expect(matches(r, post({ title: 'unsponsored posts' }))).toBe(false);
    // Regex syntax in a phrase is literal text.
    expect(matches(rule({ match: 'phrase', pattern: 'C++ (draft)' }), post({ title: 'On C++ (draft) today' }))).toBe(true);
  });

  it('regex: case-insensitive, Unicode', () => {
    const r = rule({ match: 'regex', pattern: '^\\[(ad|sponsor)\\]' });
    expect(matches(r, post({ title: '[AD] buy now' }))).toBe(true);
    expect(matches(r, post({ title: 'An [ad] later' }))).toBe(false);
  });
});

describe('rules: bad patterns get a clear message', () => {
  it('says why a regular expression is refused', () => {
    expect(checkRegex('(unclosed')).toMatch(/^Not a valid regular expression: .+/);
    expect(checkRegex('(a+)+$')).toMatch(/repeats a group that itself repeats/);
    expect(checkRegex('(\\w+\\s?)*x')).toMatch(/repeats a group that itself repeats/);
    expect(checkRegex('((ab)*c)+')).toMatch(/repeats a group that itself repeats/);
    expect(checkRegex('(x+){2,}')).toMatch(/repeats a group/);
    expect(checkRegex('(a)\\1')).toMatch(/Backreferences/);
    expect(checkRegex('foo(?=bar)')).toMatch(/Lookarounds/);
    expect(checkRegex('a'.repeat(201))).toMatch(/at most 200/);
    expect(checkRegex('a+b+c+d+')).toMatch(/At most 3 unbounded repeats/);
    expect(checkRegex('  ')).toBe('Type a pattern.');
  });

  it('accepts ordinary patterns', () => {
    for (const ok of ['^\\[ad\\]', 'py(thon)?\\s*3\\.1[0-9]', '(foo|bar)+', 'colou?r', '[(+*)]+x', '(\\d+)?-beta', 'a{2,5}b']) {
      expect(checkRegex(ok), ok).toBeUndefined();
    }
  });

  it('a rule needs a field and a pattern', () => {
    expect(ruleError({ match: 'words', pattern: 'x', fields: [] })).toMatch(/title, content or author/);
    expect(ruleError({ match: 'words', pattern: '   ', fields: ['title'] })).toBe('Type at least one word.');
    expect(compileRule(rule({ match: 'regex', pattern: '[' }))).toMatchObject({ ok: false, error: expect.stringMatching(/Not a valid/) });
  });
});

describe('rules: matching posts', () => {
  it('looks only in the chosen fields, content as plain text', () => {
    const rules = compileRules([rule({ pattern: 'strong', fields: ['content'] })]);
    expect(matchRules(rules, post({ title: 'strong', contentHtml: '<p>weak</p>' }))).toEqual({});
    expect(matchRules(rules, post({ contentHtml: '<p><b>strong</b></p>' })).hiddenBy).toBe(rules[0]!.rule.id);
    // Tag names are not text.
    expect(matchRules(rules, post({ contentHtml: '<strong>x</strong>' }))).toEqual({});
    const byAuthor = compileRules([rule({ pattern: 'Bot', fields: ['author'], action: 'read' })]);
    expect(matchRules(byAuthor, post({ author: 'Release bot' })).readBy).toBe(byAuthor[0]!.rule.id);
  });

  it('honours the scope: one feed, one folder, everything', () => {
    const feed = rule({ pattern: 'x', scope: { kind: 'feed', feedId: 'f2' } });
    const folder = rule({ pattern: 'x', scope: { kind: 'folder', folder: 'Blogs' }, action: 'highlight' });
    const rules = compileRules([feed, folder]);
    expect(matchRules(rules, post({ title: 'x' }))).toEqual({ highlightBy: folder.id });
    expect(matchRules(rules, post({ title: 'x', feedId: 'f2', folder: 'News' }))).toEqual({ hiddenBy: feed.id });
  });

  it('skips disabled rules and stored rules whose pattern is bad, never throwing', () => {
    const rules = compileRules([rule({ pattern: 'x', enabled: false }), rule({ match: 'regex', pattern: '(a+)+' }), rule({ match: 'regex', pattern: '(' })]);
    expect(rules).toHaveLength(0);
  });

  it('a regular expression runs on at most MAX_TEXT characters of a field', () => {
    const rules = compileRules([rule({ match: 'regex', pattern: 'needle$', fields: ['content'] })]);
    expect(matchRules(rules, post({ contentHtml: 'a'.repeat(100) + 'needle' })).hiddenBy).toBeDefined();
    expect(matchRules(rules, post({ contentHtml: 'a'.repeat(MAX_TEXT) + 'needle' }))).toEqual({});
  });

  it('withVerdict: muted posts become read; a highlight is set and cleared; never marked unread', () => {
    const read = post({ read: 1, highlightBy: 'old', hiddenBy: 'old' });
    expect(withVerdict(read, {})).toMatchObject({ read: 1 });
    expect(withVerdict(read, {}).hiddenBy).toBeUndefined();
    expect(withVerdict(read, {}).highlightBy).toBeUndefined();
    expect(withVerdict(post(), { hiddenBy: 'h' })).toMatchObject({ read: 1, hiddenBy: 'h' });
    expect(withVerdict(post(), { readBy: 'r' })).toMatchObject({ read: 1 });
    expect(withVerdict(post(), { highlightBy: 'g' })).toMatchObject({ read: 0, highlightBy: 'g' });
  });
});

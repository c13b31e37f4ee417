import { describe, expect, it } from 'vitest';
import { resolveUrl } from './resolve-url.ts';

const BASES = [
  'https://blog.example/feeds/main.xml',
  'http://Blog.Example:8080/a/b/?q=1#f',
  'https://user:pw@blog.example/dir/',
  'https://blog.example',
];
const REFS = [
  '/posts/1/', '/posts/1?x=1&y=2#top', 'posts/1', '../up', './here', '//cdn.example/x.js', '?q=2', '#frag',
  '/a/./b/../c', '/with space', '/ünïcode', '/%7Ebob', 'https://other.example/x', 'HTTP://OTHER.example', '  /trimmed  ',
  'mailto:me@example.com', '/a\\b',
];

describe('resolveUrl', () => {
  it.each(BASES.flatMap((base) => REFS.map((ref) => [ref, base])))('%j against %s agrees with the URL parser', (ref, base) => {
    const expected = new URL(ref.trim(), base).href;
    // Absolute http(s) links are returned as written; everything else exactly as WHATWG resolves it.
    const got = resolveUrl(ref, base);
    expect(/^https?:\/\//i.test(ref.trim()) ? new URL(got).href : got).toBe(expected);
  });

  it('keeps a reference it cannot resolve, trimmed', () => {
    expect(resolveUrl(' /x ', undefined)).toBe('/x');
    expect(resolveUrl('/x', 'not a url')).toBe('/x');
    expect(resolveUrl('http://[bad', 'https://a.example/')).toBe('http://[bad');
  });
});

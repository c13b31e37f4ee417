// @vitest-environment jsdom
// The DOM extraction runs in (an offscreen document or Firefox's event page), as jsdom gives it.
import { describe, expect, it } from 'vitest';
import { documentBase, resolveArticleUrls, resolveSrcset, splitSrcset } from './resolve-article-urls';

const parser = new DOMParser();
const parse = (html: string) => parser.parseFromString(html, 'text/html');
const PAGE = 'https://blog.example/2024/05/post.html';

describe('resolveArticleUrls', () => {
  it('resolves links, images, posters and srcset against the page; keeps in-page fragments', () => {
    const doc = parse('<a href="../about">a</a><a href="#fn1">1</a><img src="img/x.jpg" srcset="img/x.jpg 1x, /y.jpg 2x"><video poster="p.png"></video><blockquote cite="/q"></blockquote>');
    resolveArticleUrls(doc.documentElement, PAGE);
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://blog.example/2024/about', '#fn1']);
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('https://blog.example/2024/05/img/x.jpg');
    expect(doc.querySelector('img')?.getAttribute('srcset')).toBe('https://blog.example/2024/05/img/x.jpg 1x, https://blog.example/y.jpg 2x');
    expect(doc.querySelector('video')?.getAttribute('poster')).toBe('https://blog.example/2024/05/p.png');
    expect(doc.querySelector('blockquote')?.getAttribute('cite')).toBe('https://blog.example/q');
  });

  it('uses the page\'s <base href>, itself resolved against the page', () => {
    const doc = parse('<head><base href="/static/"></head><img src="a.png">');
    const base = documentBase(doc, PAGE);
    expect(base).toBe('https://blog.example/static/');
    resolveArticleUrls(doc.documentElement, base);
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('https://blog.example/static/a.png');
  });
});

describe('srcset', () => {
  it('splits candidates as the HTML spec does, commas inside URLs included', () => {
    expect(splitSrcset('a.jpg 1x,b.jpg 2x')).toEqual([{ url: 'a.jpg', descriptors: '1x' }, { url: 'b.jpg', descriptors: '2x' }]);
    expect(splitSrcset('https://c.example/w_300,h_200/x.jpg 300w, https://c.example/w_600,h_400/x.jpg 600w')).toEqual([
      { url: 'https://c.example/w_300,h_200/x.jpg', descriptors: '300w' },
      { url: 'https://c.example/w_600,h_400/x.jpg', descriptors: '600w' },
    ]);
    expect(resolveSrcset('one.jpg, two.jpg 2x', PAGE)).toBe('https://blog.example/2024/05/one.jpg, https://blog.example/2024/05/two.jpg 2x');
  });
});

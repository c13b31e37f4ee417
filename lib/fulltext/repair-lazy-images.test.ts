// @vitest-environment jsdom
// The DOM extraction runs in (an offscreen document or Firefox's event page), as jsdom gives it.
import { describe, expect, it } from 'vitest';
import { isPlaceholderSrc, repairLazyImages } from './repair-lazy-images';

const parser = new DOMParser();
const parse = (html: string) => parser.parseFromString(html, 'text/html');
const imgs = (doc: Document) => [...doc.querySelectorAll('img')].map((i) => [i.getAttribute('src'), i.getAttribute('srcset')]);

describe('repairLazyImages', () => {
  it('swaps data-src and data-srcset in for a placeholder', () => {
    const doc = parse('<p><img src="data:image/gif;base64,R0lGOD" data-src="/a.jpg" data-srcset="/a.jpg 1x, /a2.jpg 2x"></p>');
    expect(repairLazyImages(doc)).toBe(1);
    expect(imgs(doc)).toEqual([['/a.jpg', '/a.jpg 1x, /a2.jpg 2x']]);
  });

  it('prefers the lazy address over a blurred low-resolution src', () => {
    const doc = parse('<img src="https://cdn.example/max/60/x.jpg" data-lazy-src="https://cdn.example/max/1400/x.jpg">');
    repairLazyImages(doc);
    expect(imgs(doc)).toEqual([['https://cdn.example/max/1400/x.jpg', null]]);
  });

  it('replaces a placeholder with the image of the <noscript> after it (parsed, scripting off)', () => {
    const doc = parse('<figure><img class="lazy" src="/spacer.gif"><noscript><img src="/real.jpg" alt="Real"></noscript></figure>');
    repairLazyImages(doc);
    expect(imgs(doc)).toEqual([['/real.jpg', null]]);
    expect(doc.querySelector('noscript')).toBeNull();
    expect(doc.querySelector('img')?.getAttribute('alt')).toBe('Real');
  });

  it('reads a <noscript> kept as text (a document parsed with scripting on)', () => {
    const doc = parse('<div><img src="data:," class="lazyload"><noscript></noscript></div>');
    doc.querySelector('noscript')!.textContent = '<img src="/n.png">'; // how a scripting parser keeps it
    repairLazyImages(doc, parse);
    expect(imgs(doc)).toEqual([['/n.png', null]]);
  });

  it('unwraps a <noscript> image with no placeholder before it, and leaves other noscripts alone', () => {
    const doc = parse('<p>Text</p><noscript><img src="/only.jpg"></noscript><noscript><p>Please enable JavaScript</p></noscript>');
    repairLazyImages(doc);
    expect(imgs(doc)).toEqual([['/only.jpg', null]]);
    expect(doc.querySelectorAll('noscript')).toHaveLength(1);
  });

  it('fills <picture> sources from data-srcset and drops stand-ins with no real address', () => {
    const doc = parse('<picture><source data-srcset="/w.webp" type="image/webp"><img data-src="/w.jpg"></picture><img src="data:image/png;base64,AAAA">');
    repairLazyImages(doc);
    expect(doc.querySelector('source')?.getAttribute('srcset')).toBe('/w.webp');
    expect(imgs(doc)).toEqual([['/w.jpg', null]]);
  });

  it('keeps ordinary images as they are', () => {
    const doc = parse('<img src="/plain.jpg" srcset="/plain.jpg 1x">');
    expect(repairLazyImages(doc)).toBe(0);
    expect(imgs(doc)).toEqual([['/plain.jpg', '/plain.jpg 1x']]);
  });
});

describe('isPlaceholderSrc', () => {
  it('knows stand-ins from real images', () => {
    for (const s of [null, '', 'data:image/gif;base64,R0l', '/img/blank.gif', 'https://x.example/spacer.png?v=1', '/lazy-placeholder.svg']) expect(isPlaceholderSrc(s)).toBe(true);
    for (const s of ['/photos/cat.jpg', 'https://x.example/pixels-of-mars.jpg']) expect(isPlaceholderSrc(s)).toBe(false);
  });
});

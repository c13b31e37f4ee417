// @vitest-environment jsdom
// jsdom, never happy-dom: DOMPurify relies on a spec-conformant HTML parser to be safe.
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize-html';

const BASE = 'https://blog.example/2024/05/post.html';

/** Parses sanitized output the way the page will, for structural assertions. */
function dom(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('sanitizeHtml: removes code execution', () => {
  it.each([
    ['<p>a</p><script>alert(1)</script><p>b</p>', '<p>a</p><p>b</p>'],
    ['<img src="https://x.example/a.png" onerror="alert(1)">', undefined],
    ['<svg onload="alert(1)"><circle r="2"></circle></svg>ok', 'ok'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href=" JaVaScRiPt:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="vbscript:msgbox(1)">x</a>', '<a>x</a>'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a>x</a>'],
    ['<p onclick="alert(1)" onmouseover="alert(2)">p</p>', '<p>p</p>'],
  ])('%s', (input, expected) => {
    const out = sanitizeHtml(input, { baseUrl: BASE });
    expect(out).not.toMatch(/<script|\son\w+=|javascript:|vbscript:|data:text/i);
    if (expected !== undefined) expect(out).toBe(expected);
  });

  it('drops iframes, frames, objects, embeds and applets', () => {
    const out = sanitizeHtml(
      '<iframe src="https://evil.example"></iframe><frameset><frame src="x"></frameset><object data="x.swf"></object><embed src="x.swf"><applet code="x"></applet><p>kept</p>',
    );
    expect(out).toBe('<p>kept</p>');
  });

  it('keeps plain iframe fallback text, and drops fallback that looks like markup', () => {
    expect(sanitizeHtml('safe<iframe src="https://evil.example/"> description</iframe>')).toBe('safe description');
    // DOMPurify removes a raw-text element whose text parses as tags (its mXSS guard), content and all.
    expect(sanitizeHtml('safe<iframe src="https://evil.example/">fallback <img src=x onerror=alert(1)></iframe>')).toBe('safe');
  });

  it('drops forms and their controls but keeps their text', () => {
    const out = sanitizeHtml('<form action="https://evil.example"><label>Password</label><input type="password"><button>Log in</button><select><option>a</option></select><textarea>t</textarea></form>');
    expect(out).not.toMatch(/<(form|input|button|select|option|textarea)\b/);
    expect(out).toContain('Log in');
  });

  it('drops <style>, style attributes, <link>, <meta> and <base>', () => {
    const out = sanitizeHtml(
      '<style>body{display:none}</style><link rel="stylesheet" href="https://x/s.css"><meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/"><p style="position:fixed;inset:0;background:url(https://t.example/p.gif)">p</p>',
    );
    expect(out).toBe('<p>p</p>');
  });

  it('is not fooled by mXSS-style nesting', () => {
    const cases = [
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
      '<svg><p><style><img src=x onerror=alert(1)></style></p></svg>',
      '<table><tr><td><a><img src=x onerror=alert(1)></a></table>',
      '<!--><img src=x onerror=alert(1)>-->',
      '<xmp><img src=x onerror=alert(1)></xmp>',
    ];
    for (const input of cases) {
      const out = sanitizeHtml(input);
      // What matters is the DOM the page will build from the output, re-parsed.
      const reparsed = dom(out);
      expect(reparsed.querySelector('script, style, svg, math, [onerror], [onload]'), input).toBeNull();
      expect(dom(reparsed.innerHTML).querySelector('[onerror]'), input).toBeNull();
    }
  });
});

describe('sanitizeHtml: links', () => {
  it('opens links in a new tab with no opener or referrer, replacing the author target', () => {
    const a = dom(sanitizeHtml('<a href="https://x.example/" target="_self" rel="author">x</a>')).querySelector('a');
    expect(a?.getAttribute('target')).toBe('_blank');
    expect(a?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('resolves relative href, src, srcset, track src and cite against baseUrl', () => {
    const out = dom(
      sanitizeHtml(
        '<a href="../other.html">o</a><a href="/about">a</a><a href="//cdn.example/x">c</a><img src="img/a.png" srcset="img/a.png 1x, /img/a@2x.png 2x"><video src="v.mp4"><track src="t.vtt"></video><blockquote cite="q.html">q</blockquote>',
        { baseUrl: BASE },
      ),
    );
    expect([...out.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://blog.example/2024/other.html',
      'https://blog.example/about',
      'https://cdn.example/x',
    ]);
    const img = out.querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://blog.example/2024/05/img/a.png');
    expect(img?.getAttribute('srcset')).toBe('https://blog.example/2024/05/img/a.png 1x, https://blog.example/img/a@2x.png 2x');
    expect(out.querySelector('video')?.getAttribute('src')).toBe('https://blog.example/2024/05/v.mp4');
    expect(out.querySelector('track')?.getAttribute('data-deferred-src')).toBe('https://blog.example/2024/05/t.vtt');
    expect(out.querySelector('blockquote')?.getAttribute('cite')).toBe('https://blog.example/2024/05/q.html');
  });

  it('keeps relative URLs as written when there is no baseUrl', () => {
    expect(sanitizeHtml('<a href="/x">x</a>')).toBe('<a href="/x" target="_blank" rel="noopener noreferrer">x</a>');
  });

  it('keeps in-post footnote links working under prefixed ids, without a new tab', () => {
    const out = dom(sanitizeHtml('<a href="#fn1">1</a><ol><li id="fn1">note</li></ol>', { baseUrl: BASE }));
    expect(out.querySelector('a')?.getAttribute('href')).toBe('#user-content-fn1');
    expect(out.querySelector('a')?.hasAttribute('target')).toBe(false);
    expect(out.querySelector('li')?.id).toBe('user-content-fn1');
  });
});

describe('sanitizeHtml: images and media', () => {
  it('lazy-loads images without sending a referrer', () => {
    const img = dom(sanitizeHtml('<img src="https://x.example/a.png" alt="A" width="640" height="480">')).querySelector('img');
    expect(img?.getAttribute('loading')).toBe('lazy');
    expect(img?.getAttribute('decoding')).toBe('async');
    expect(img?.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(img?.getAttribute('alt')).toBe('A');
  });

  it.each([
    '<img src="https://t.example/p.gif" width="1" height="1">',
    '<img src="https://t.example/p.gif" width="0" height="0" alt="">',
    '<img src="https://t.example/p.gif" height="1">',
    '<img src="http://feeds.feedburner.com/~r/Blog/~4/abc">',
    '<img src="https://pixel.wp.com/b.gif?host=x">',
    // Sized by a style (which the sanitizer drops, so the image would load at its natural 1x1).
    '<img src="https://t.example/a.png" style="width:1px;height:1px">',
    '<img src="https://t.example/a.png" style="WIDTH : 1PX ; height: 1px">',
    '<img src="https://t.example/a.png" style="height:1px !important">',
    '<img src="https://t.example/a.png" style="width:0">',
    '<img src="https://t.example/a.png" style="width: 0%">',
    '<img src="https://t.example/a.png" style="max-width:1px">',
    '<img src="https://t.example/a.png" style="max-height: .5px">',
    '<img src="https://t.example/a.png" style="width:0.05em">',
    '<img src="https://t.example/a.png" style="border:0;height:1pt">',
    '<img src="https://t.example/a.png" style="width:/* x */1px">',
    '<img src="https://t.example/a.png" style="display:none">',
    '<img src="https://t.example/a.png" style="visibility: hidden">',
    '<img src="https://t.example/a.png" style="opacity:0">',
    '<img src="https://t.example/a.png" width="1px">',
    '<img src="https://t.example/a.png" height=".5">',
    // 1x1 with no size given: known tracker URL shapes.
    '<img src="https://feeds.feedburner.com/~r/SomeBlog/~4/AbCdEf">',
    '<img src="http://feedproxy.google.com/~r/SomeBlog/~4/AbCdEf">',
    '<img src="https://feeds.feedblitz.com/~/i/123456/0/someblog">',
    '<img src="https://stats.wordpress.com/b.gif?v=1">',
    '<img src="https://www.google-analytics.com/collect?v=1&tid=UA-1&t=event">',
    '<img src="https://www.google-analytics.com/__utm.gif?utmwv=1">',
    '<img src="https://www.facebook.com/tr?id=1&ev=PageView">',
    '<img src="https://mail.example/open.aspx?id=42">',
    '<img src="https://news.example/track/open/abc.gif">',
    '<img src="https://news.example/e/pixel.gif?u=1">',
    '<img src="https://news.example/img/beacon.GIF">',
    '<img src="https://news.example/1x1.gif">',
    '<img src="https://news.example/a.gif?utm_source=feed&utm_medium=rss">',
    '<img src="/open/x.gif">',
  ])('drops the tracking pixel %s', (input) => {
    expect(sanitizeHtml(`<p>text${input}</p>`, { baseUrl: BASE })).toBe('<p>text</p>');
  });

  it.each([
    '<img src="https://x.example/diagram.gif" alt="d">',
    '<img src="https://x.example/open-source-logo.png">',
    '<img src="https://x.example/tracking-down-a-bug.gif">',
    '<img src="https://x.example/pixel-art.png?utm_source=feed">',
    '<img src="https://x.example/a.png" style="width:100%;height:auto">',
    '<img src="https://x.example/a.png" style="width:50vw">',
    '<img src="https://x.example/a.png" width="640" height="2">',
  ])('keeps the content image %s', (input) => {
    expect(dom(sanitizeHtml(input, { baseUrl: BASE })).querySelector('img')).not.toBeNull();
  });

  it('allows data:image only in <img src>', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(dom(sanitizeHtml(`<img src="${png}">`)).querySelector('img')?.getAttribute('src')).toBe(png);
    expect(sanitizeHtml(`<a href="${png}">x</a>`)).toBe('<a>x</a>');
    expect(dom(sanitizeHtml('<video src="data:video/mp4;base64,AAAA"></video>')).querySelector('video')?.hasAttribute('src')).toBe(false);
  });

  it('loads nothing of a video before play: no poster, track URLs deferred, no preload', () => {
    const out = dom(
      sanitizeHtml('<video src="v.mp4" poster="https://t.example/poster.jpg" autoplay preload="auto"><source src="v.webm" type="video/webm"><track default kind="captions" src="https://t.example/c.vtt" srclang="en" label="English"></video>', { baseUrl: BASE }),
    );
    const video = out.querySelector('video');
    expect(video?.hasAttribute('poster')).toBe(false);
    expect(video?.hasAttribute('autoplay')).toBe(false);
    expect(video?.getAttribute('preload')).toBe('none');
    const track = out.querySelector('track');
    expect(track?.hasAttribute('src')).toBe(false);
    expect(track?.getAttribute('data-deferred-src')).toBe('https://t.example/c.vtt');
    expect(track?.getAttribute('label')).toBe('English');
    expect(out.querySelector('source')?.getAttribute('src')).toBe('https://blog.example/2024/05/v.webm');
  });

  it('drops a track URL that is not http(s), and a data-deferred-src written by the feed', () => {
    const out = dom(sanitizeHtml('<video><track src="javascript:alert(1)"><track data-deferred-src="https://t.example/x.vtt"></video>', { baseUrl: BASE }));
    expect([...out.querySelectorAll('track')].map((t) => t.outerHTML)).toEqual(['<track>', '<track>']);
  });

  it('never autoplays audio or video and preloads nothing', () => {
    const out = dom(sanitizeHtml('<video src="https://x.example/v.mp4" autoplay loop muted></video><audio src="https://x.example/a.mp3" autoplay></audio>'));
    for (const media of out.querySelectorAll('audio, video')) {
      expect(media.hasAttribute('autoplay')).toBe(false);
      expect(media.hasAttribute('controls')).toBe(true);
      expect(media.getAttribute('preload')).toBe('none');
    }
  });
});

describe('sanitizeHtml: keeps readable content', () => {
  it('keeps code, pre, tables, figures, lists and headings', () => {
    const html =
      '<h2>Title</h2><pre><code class="language-python">print("&lt;hi&gt;")</code></pre><table><thead><tr><th scope="col">a</th></tr></thead><tbody><tr><td colspan="2">b</td></tr></tbody></table><figure><img src="https://x.example/i.png" alt="i"><figcaption>cap</figcaption></figure><ul><li>x</li></ul><blockquote>q</blockquote><details><summary>s</summary>d</details>';
    const out = dom(sanitizeHtml(html));
    expect(out.querySelector('pre > code.language-python')?.textContent).toBe('print("<hi>")');
    expect(out.querySelector('th')?.getAttribute('scope')).toBe('col');
    expect(out.querySelector('td')?.getAttribute('colspan')).toBe('2');
    expect(out.querySelector('figure > figcaption')?.textContent).toBe('cap');
    expect(out.querySelectorAll('h2, ul > li, blockquote, details > summary')).toHaveLength(4);
  });

  it('keeps only syntax-highlighting classes and drops data-* attributes', () => {
    expect(sanitizeHtml('<pre class="overlay fixed"><code class="hljs language-js" data-track="1">x</code></pre>')).toBe(
      '<pre><code class="language-js">x</code></pre>',
    );
  });

  it('returns an empty string for empty input and plain text unchanged', () => {
    expect(sanitizeHtml('')).toBe('');
    expect(sanitizeHtml('Tom &amp; Jerry')).toBe('Tom &amp; Jerry');
  });

  it('does not accumulate hooks across calls (same output each time)', () => {
    const input = '<a href="/x">x</a><img src="a.png">';
    const first = sanitizeHtml(input, { baseUrl: BASE });
    for (let i = 0; i < 5; i++) sanitizeHtml(input, { baseUrl: 'https://other.example/' });
    expect(sanitizeHtml(input, { baseUrl: BASE })).toBe(first);
    expect(sanitizeHtml(input)).not.toContain('other.example');
  });
});

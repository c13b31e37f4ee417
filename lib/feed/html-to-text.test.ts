import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text.ts';

describe('htmlToText', () => {
  it.each([
    ['Example <b>Atom</b>', 'Example Atom'],
    ['<p>History of the &lt;blink&gt; tag</p>', 'History of the <blink> tag'],
    ['a <!-- hidden <b>x</b> --> b', 'a b'],
    ['<img alt="cat<br />dog" src="x.png"> after', 'after'],
    ["<a title='1 > 0'>link</a>", 'link'],
    ['<a href="http://example.com/>example</a>', 'example'],
    ['1 < 2 and 3 > 2', '1 < 2 and 3 > 2'],
    ['x <unterminated', 'x'],
    ['Q&amp;A&nbsp;time', 'Q&A\u00a0time'],
    ['  spaced\n\tout  ', 'spaced out'],
  ])('%j -> %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

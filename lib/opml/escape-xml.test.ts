import { describe, expect, it } from 'vitest';
import { escapeXml } from './escape-xml';
import { decodeXmlEntities } from './decode-xml-entities';

describe('escapeXml', () => {
  it('escapes the five XML specials and attribute whitespace', () => {
    expect(escapeXml(`a&b<c>d"e'f\tg\nh\ri`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f&#9;g&#10;h&#13;i');
  });

  it('drops characters XML 1.0 cannot carry but keeps astral characters', () => {
    expect(escapeXml('x\u0000\u0008\u000b\u001f\ufffey\ud800z🐍')).toBe('xyz🐍');
  });

  it('is undone by decodeXmlEntities', () => {
    const nasty = `<b title="x">'&amp;'</b>\t🐍`;
    expect(decodeXmlEntities(escapeXml(nasty))).toBe(nasty);
  });
});

describe('decodeXmlEntities', () => {
  it('decodes once and keeps unknown names', () => {
    expect(decodeXmlEntities('&amp;lt; &#65;&#x42; &nbsp;&unknown; &#0; &#xD800;')).toBe('&lt; AB \u00a0&unknown; \ufffd \ufffd');
  });
});

import { describe, expect, it } from 'vitest';
import { escapeXml } from '../opml/escape-xml';
import { escapeMarkup } from './escape-markup';

describe('escapeMarkup', () => {
  it('escapes markup characters and drops what XML cannot carry, keeping surrogate pairs', () => {
    expect(escapeMarkup('a & b < c > d "e" \'f\'')).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; \'f\'');
    expect(escapeMarkup('x\u0000\u0008y\u000Bz\uFFFE')).toBe('xyz');
    expect(escapeMarkup('emoji 😀 lone \uD800 and \uDC00 end')).toBe('emoji 😀 lone  and  end');
    expect(escapeMarkup('tab\tnew\nline\r')).toBe('tab\tnew\nline\r');
  });

  it('reads back as the same text as the OPML escaper’s output', () => {
    const samples = ['<p class="x">Tom &amp; Jerry</p>', 'a\u0001b 😀 \uD83D', 'plain'];
    const read = (s: string) => new DOMParserLike(s).text;
    for (const s of samples) expect(read(escapeMarkup(s))).toBe(read(escapeXml(s)));
  });
});

/** Decodes the five XML entities: enough to compare two escapings. */
class DOMParserLike {
  text: string;
  constructor(s: string) {
    this.text = s.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_, e: string) =>
      e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(Number(e.slice(1))),
    );
  }
}

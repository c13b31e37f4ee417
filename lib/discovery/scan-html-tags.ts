/** One start or end tag found by scanHtmlTags. */
export interface HtmlTag {
  /** Lower-cased tag name. */
  name: string;
  closing: boolean;
  /** Lower-cased attribute names to raw values (entities NOT decoded); the first duplicate wins, as in HTML. */
  attrs: Map<string, string>;
  /** Index of the '<'. */
  start: number;
  /** Index just past the '>'. */
  end: number;
}

// Elements whose content is text, not markup: a "<link" inside them is not a link.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
const NAME = /[A-Za-z][^\s/>]*/y;
const ATTR_NAME = /[^\s"'>/=][^\s"'>/=]*/y;
const UNQUOTED = /[^\s>]*/y;

function matchAt(re: RegExp, text: string, at: number): string {
  re.lastIndex = at;
  return re.exec(text)?.[0] ?? '';
}

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && /\s/.test(text.charAt(i))) i++;
  return i;
}

/** Reads attributes from `at` to the closing '>'; returns them and the index past '>'. */
function readAttributes(html: string, at: number): { attrs: Map<string, string>; end: number } {
  const attrs = new Map<string, string>();
  let i = at;
  while (i < html.length) {
    i = skipSpace(html, i);
    const c = html.charAt(i);
    if (c === '>') return { attrs, end: i + 1 };
    if (c === '/' || c === '"' || c === "'" || c === '=') {
      i++;
      continue;
    }
    const name = matchAt(ATTR_NAME, html, i).toLowerCase();
    i = skipSpace(html, i + name.length);
    let value = '';
    if (html.charAt(i) === '=') {
      i = skipSpace(html, i + 1);
      const quote = html.charAt(i);
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        const stop = close === -1 ? html.length : close;
        value = html.slice(i + 1, stop);
        i = stop + 1;
      } else {
        value = matchAt(UNQUOTED, html, i);
        i += value.length;
      }
    }
    if (!attrs.has(name)) attrs.set(name, value);
  }
  return { attrs, end: html.length };
}

/**
 * Yields the tags of an HTML string in order, tolerant of any quoting and casing, skipping
 * comments and the content of script/style-like elements. Linear in the input: a hand-written
 * scanner rather than one big regex, which can backtrack catastrophically on broken markup.
 */
export function* scanHtmlTags(html: string): Generator<HtmlTag> {
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) return;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    const closing = html.charAt(lt + 1) === '/';
    const name = matchAt(NAME, html, lt + (closing ? 2 : 1)).toLowerCase();
    if (name === '') {
      // <!DOCTYPE>, <?xml?>, or a stray '<' in text.
      const bang = html.charAt(lt + 1) === '!' || html.charAt(lt + 1) === '?';
      const gt = bang ? html.indexOf('>', lt) : -1;
      i = gt === -1 ? lt + 1 : gt + 1;
      continue;
    }
    const { attrs, end } = readAttributes(html, lt + (closing ? 2 : 1) + name.length);
    yield { name, closing, attrs, start: lt, end };
    i = end;
    if (!closing && RAW_TEXT.has(name)) {
      const closeTag = new RegExp(`</${name}[\\s/>]`, 'gi');
      closeTag.lastIndex = end;
      const found = closeTag.exec(html);
      i = found === null ? html.length : found.index;
    }
  }
}

import { decodeEntities } from '../xml/decode-entities.ts';

const isTagStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 47 || c === 33;

/** `html` without comments and tags, in one left-to-right pass (quotes inside tags respected). */
function stripTags(html: string): string {
  const out: string[] = [];
  let i = 0;
  // Quote characters known not to occur again: an unclosed quote is searched for only once.
  let noDouble = false;
  let noSingle = false;
  for (let lt = html.indexOf('<'); lt !== -1; lt = html.indexOf('<', i)) {
    if (!isTagStart(html.charCodeAt(lt + 1))) {
      out.push(html.slice(i, lt + 1));
      i = lt + 1;
      continue;
    }
    out.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end === -1) return out.join('');
      i = end + 3;
      continue;
    }
    // Inside a tag: '>' ends it unless quoted ("cat<br />dog" in an alt is text of the tag).
    let j = lt + 1;
    for (;;) {
      const c = html.charCodeAt(j);
      if (Number.isNaN(c)) return out.join(''); // unterminated tag at the end: dropped, as browsers do
      if (c === 62) break;
      if (c === 34 || c === 39) {
        const close = (c === 34 ? noDouble : noSingle) ? -1 : html.indexOf(c === 34 ? '"' : "'", j + 1);
        if (close === -1) {
          if (c === 34) noDouble = true;
          else noSingle = true;
          // A quote that never closes (a publisher's typo): the tag ends at the next '>'.
          const gt = html.indexOf('>', j + 1);
          if (gt === -1) return out.join('');
          j = gt;
          break;
        }
        j = close;
      }
      j++;
    }
    i = j + 1;
  }
  out.push(html.slice(i));
  return out.join('');
}

/**
 * The visible text of an HTML fragment, whitespace collapsed: comments and tags dropped,
 * character references decoded. For titles, which Orrery shows as plain text everywhere.
 * Linear in the input whatever it holds (no backtracking regex over hostile markup).
 */
export function htmlToText(html: string): string {
  const stripped = html.indexOf('<') === -1 ? html : stripTags(html);
  return decodeEntities(stripped).replace(/[ \t\n\r\f]+/g, ' ').trim();
}

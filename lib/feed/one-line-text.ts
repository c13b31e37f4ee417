// C0 controls but tab/LF/FF/CR, DEL, C1 controls, and UTF-16 surrogates that are not half of a
// pair: none can be shown (a terminal bell, a direction-less box, U+FFFD on some platforms) and
// XML 1.0 cannot even carry most of them, but a lenient reader and JSON let them through.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSHOWABLE = /[\x00-\x08\x0B\x0E-\x1F\x7F-\x9F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- as above
const UNSHOWABLE_TEST = /[\x00-\x08\x0B\x0E-\x1F\x7F-\x9F\uD800-\uDFFF]/;
const SPACES = /[ \t\n\r\f]+/g;

/**
 * Text made fit for one line of UI (titles, feed and author names, categories): control
 * characters and lone surrogates removed, whitespace runs collapsed to one space, trimmed.
 */
export function oneLineText(text: string): string {
  // Surrogate pairs (emoji) also pass the quick test; the precise pattern then keeps them.
  const shown = UNSHOWABLE_TEST.test(text) ? text.replace(UNSHOWABLE, '') : text;
  return shown.replace(SPACES, ' ').trim();
}

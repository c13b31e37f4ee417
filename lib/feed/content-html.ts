import { resolveHtmlUrls } from './resolve-html-urls.ts';
import { codePointToString } from '../xml/decode-entities.ts';

// Numeric references to C1 controls (&#146;) mean the windows-1252 character (’), as browsers read them.
const C1_REF_RE = /&#(?:(1[2-5][0-9])|[xX]([89][0-9a-fA-F]));/g;

/**
 * Feed HTML made ready to store: trimmed, C1 numeric references rewritten to what they mean, and
 * relative URLs resolved against `base`. Undefined when nothing is left. NOT sanitized: that
 * happens once, at render time.
 */
export function contentHtml(html: string, base: string | undefined): string | undefined {
  let out = html.trim();
  if (out === '') return undefined;
  if (out.indexOf('&#') !== -1) {
    out = out.replace(C1_REF_RE, (ref: string, dec?: string, hex?: string) => {
      const cp = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
      if (cp < 0x80 || cp > 0x9f) return ref;
      const ch = codePointToString(cp);
      return ch === undefined ? ref : `&#x${(ch.codePointAt(0) ?? 0).toString(16)};`;
    });
  }
  return resolveHtmlUrls(out, base);
}

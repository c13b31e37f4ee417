/** The text of an HTML page's bytes: the HTTP charset, else a <meta> charset, else UTF-8 (windows-1252 when not valid UTF-8). */
import { decodeWindows1252 } from '../charset/decode-windows-1252';

/** Labels the Encoding Standard maps to windows-1252 (Node's own decoder reads them as latin-1, dropping “smart quotes”). */
const WINDOWS_1252 = /^(?:windows-1252|x-cp1252|cp1252|cp819|ibm819|iso-?8859-1|iso_8859-1(?::1987)?|iso-ir-100|csisolatin1|l1|latin1|us-ascii|ascii|iso646-us|ansi_x3\.4-1968)$/;

function decoderFor(label: string | undefined): { decode(b: Uint8Array): string } | undefined {
  if (!label) return undefined;
  const name = label.trim().toLowerCase();
  if (WINDOWS_1252.test(name)) return { decode: decodeWindows1252 };
  try {
    return new TextDecoder(name);
  } catch {
    return undefined; // a label TextDecoder does not know is ignored, as browsers do
  }
}

/** The charset a <meta> in the first 1,024 bytes declares (the HTML spec's prescan window, roughly). */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1];
}

/** Decodes an HTML page. */
export function decodeHtml(bytes: Uint8Array, contentType: string | null): string {
  const header = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const declared = decoderFor(header) ?? decoderFor(metaCharset(bytes));
  if (declared) return declared.decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

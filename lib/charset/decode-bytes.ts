import { decodeUtf32 } from './decode-utf32.ts';
import { decodeUtf8 } from './decode-utf8.ts';
import { c1ToWindows1252, decodeWindows1252 } from './decode-windows-1252.ts';
import { charsetFromContentType, charsetFromProlog, sniffCharset } from './sniff-charset.ts';

/** Labels for which "valid UTF-8 with non-ASCII bytes" means the declaration is wrong. */
const SINGLE_BYTE = /^(?:iso-?8859-\d+|latin-?1|l1|us-ascii|ascii|windows-125\d|cp125\d|cp1252|x-cp125\d)$/;

/** C1 controls that are really windows-1252 punctuation (publishers pasting from Word). */
const C1_RE = /[\u0080-\u009f]/g;
const HAS_C1 = /[\u0080-\u009f]/;

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function tryDecoder(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { ignoreBOM: true });
  } catch {
    return undefined; // an encoding name TextDecoder does not know: the label is ignored
  }
}

/** UTF-8 text, or undefined when the bytes are not valid UTF-8. */
function strictUtf8(b: Uint8Array): string | undefined {
  // The replacing decoder is the fast one (the fatal one goes through ICU in Node): decode, and
  // only when a U+FFFD shows up ask the strict decoder whether it was in the bytes themselves.
  const text = decodeUtf8(b);
  if (text.indexOf('\ufffd') === -1) return text;
  try {
    return utf8Strict.decode(b);
  } catch {
    return undefined;
  }
}

/** Whether UTF-8 bytes encode any C1 control (U+0080-U+009F is C2 80 to C2 9F). */
function hasUtf8C1(b: Uint8Array): boolean {
  for (let i = b.indexOf(0xc2); i !== -1 && i + 1 < b.length; i = b.indexOf(0xc2, i + 1)) {
    const next = b[i + 1] as number;
    if (next >= 0x80 && next <= 0x9f) return true;
  }
  return false;
}

const hasHighBytes = (b: Uint8Array): boolean => {
  for (let i = 0; i < b.length; i++) if ((b[i] as number) >= 0x80) return true;
  return false;
};

/** The charset the text was decoded with, and the text. */
export interface DecodedText {
  charset: string;
  text: string;
}

/**
 * Bytes to text, the way feed readers must guess: a byte-order mark (or the UTF-16/32 pattern of
 * '<') wins; then the HTTP charset, then the XML prolog; then UTF-8, falling back to
 * windows-1252 when the bytes are not valid UTF-8. A declared single-byte charset is overruled
 * when the bytes are valid UTF-8 containing non-ASCII (the declaration lies; real latin-1 text
 * practically never forms valid multi-byte UTF-8). C1 controls are read as windows-1252.
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string): DecodedText {
  const sniff = sniffCharset(bytes);
  let result: DecodedText;
  if (sniff.encoding === 'utf-32le' || sniff.encoding === 'utf-32be') {
    result = { charset: sniff.encoding, text: decodeUtf32(bytes, sniff.encoding === 'utf-32le', sniff.bomLength) };
  } else if (sniff.encoding !== undefined) {
    const body = bytes.subarray(sniff.bomLength);
    const text = sniff.encoding === 'utf-8' ? decodeUtf8(body) : (tryDecoder(sniff.encoding) as TextDecoder).decode(body);
    result = { charset: sniff.encoding, text };
  } else {
    result = decodeDeclared(bytes, charsetFromContentType(contentType) ?? charsetFromProlog(bytes, 0));
  }
  // Only text that came from UTF-8/16/32 can hold C1 controls worth repairing; for UTF-8 the
  // bytes say so much faster than a scan of the text (C1 controls are encoded C2 80-9F).
  const mayHaveC1 = result.charset === 'utf-8' ? hasUtf8C1(bytes) : result.charset.startsWith('utf-');
  if (mayHaveC1 && HAS_C1.test(result.text)) result.text = result.text.replace(C1_RE, c1ToWindows1252);
  return result;
}

function decodeDeclared(bytes: Uint8Array, declared: string | undefined): DecodedText {
  // A prolog claiming UTF-16/32 over ASCII-compatible bytes is wrong: the sniffer found no pattern.
  const label = declared && !/^utf-?(16|32)/.test(declared) ? declared : undefined;
  if (label && !/^utf-?8$/.test(label)) {
    const decoder = tryDecoder(label);
    if (decoder) {
      if (SINGLE_BYTE.test(label) && hasHighBytes(bytes)) {
        const asUtf8 = strictUtf8(bytes);
        if (asUtf8 !== undefined) return { charset: 'utf-8', text: asUtf8 };
      }
      if (decoder.encoding === 'windows-1252') return { charset: 'windows-1252', text: decodeWindows1252(bytes) };
      return { charset: decoder.encoding, text: decoder.decode(bytes) };
    }
  }
  const asUtf8 = strictUtf8(bytes);
  if (asUtf8 !== undefined) return { charset: 'utf-8', text: asUtf8 };
  return { charset: 'windows-1252', text: decodeWindows1252(bytes) };
}

/** What the bytes themselves say about their encoding, before any declaration is consulted. */
export interface ByteSniff {
  /** Encoding named by a byte-order mark or by the UTF-16/32 byte pattern of "<?" / "<". */
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';
  /** Length of the byte-order mark to skip. */
  bomLength: number;
}

/**
 * Byte-order marks first, then the patterns of '<' in UTF-16/32 without a BOM (XML 1.0
 * Appendix F): a UTF-16 feed with no BOM and an ASCII prolog is common enough to matter.
 */
export function sniffCharset(b: Uint8Array): ByteSniff {
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return { encoding: 'utf-32be', bomLength: 4 };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { encoding: 'utf-32le', bomLength: 4 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0x00 && b3 !== 0x00) return { encoding: 'utf-32be', bomLength: 0 };
  if (b0 !== 0x00 && b1 === 0x00 && b2 === 0x00 && b3 === 0x00) return { encoding: 'utf-32le', bomLength: 0 };
  if (b0 === 0x00 && b1 !== 0x00 && b2 === 0x00 && b3 !== 0x00) return { encoding: 'utf-16be', bomLength: 0 };
  if (b0 !== 0x00 && b1 === 0x00 && b2 !== 0x00 && b3 === 0x00) return { encoding: 'utf-16le', bomLength: 0 };
  return { bomLength: 0 };
}

/** The charset parameter of an HTTP Content-Type header, lower-cased, if any. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = contentType ? /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType) : null;
  return m?.[1]?.toLowerCase();
}

/** The encoding declared in an XML prolog (read as ASCII from the first bytes), if any. */
export function charsetFromProlog(b: Uint8Array, offset: number): string | undefined {
  // Blank lines before the prolog (invalid XML, common from templates) are skipped, however many.
  let start = offset;
  while (start < b.length && (b[start] === 0x20 || b[start] === 0x0a || b[start] === 0x0d || b[start] === 0x09)) start++;
  const head = String.fromCharCode.apply(null, Array.from(b.subarray(start, start + 512)));
  if (!head.trimStart().startsWith('<?xml')) return undefined;
  const m = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m?.[1]?.toLowerCase();
}

/** FNV-1a over a string, 53 bits, as 11 base-36 digits: stable across runs and platforms. */
function hash53(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  const n = (h2 >>> 0) * 2 ** 21 + ((h1 >>> 0) & 0x1fffff);
  return n.toString(36).padStart(11, '0');
}

/**
 * A post's identity: the publisher's guid/id when there is one, else its link, else a hash of
 * title and content with whitespace normalized (so re-serialized whitespace does not turn one
 * post into two after a feed regenerates).
 */
export function itemId(guid: string | undefined, link: string | undefined, title: string, content: string | undefined): string {
  const g = guid?.trim();
  if (g) return g;
  if (link) return link;
  const norm = `${title}\u0000${content ?? ''}`.replace(/\s+/g, ' ').trim();
  return `hash:${hash53(norm)}`;
}

/** A deterministic pseudo-random source (mulberry32): the same seed gives the same mutations. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const enc = new TextEncoder();
const INJECTIONS = [
  '&', '&amp;', '&bogus;', '&nbsp;', '&#0;', '&#xD800;', '&#99999999;', '&#x110000;', '&#128;', '&#226;&#128;&#166;',
  '<![CDATA[', ']]>', '<!--', '-->', '<', '>', '</', '/>', '"', "'", '\u0000', '\uffff', 'xml:base="../.."',
  '<!DOCTYPE r [<!ENTITY a "&b;&b;"><!ENTITY b "&a;&a;">]>', '<!ENTITY x SYSTEM "file:///etc/passwd">', '&x;',
  '<a>'.repeat(500), '</item>', '<item>', '<entry>', '<rss>', '<feed xmlns="http://www.w3.org/2005/Atom">', '{"items":[',
];

/** Names of the mutation kinds, for reports. */
export const MUTATIONS = ['flip', 'cut', 'drop-tag', 'inject', 'duplicate', 'splice-random', 'swap'] as const;

/**
 * One random mutation of `input`: bytes flipped, the document cut short, a tag dropped, a nasty
 * token injected, a chunk duplicated, random bytes spliced in, or two chunks swapped.
 */
export function mutate(input: Uint8Array, random: () => number): { bytes: Uint8Array; kind: (typeof MUTATIONS)[number] } {
  const kind = MUTATIONS[Math.floor(random() * MUTATIONS.length)] ?? 'flip';
  const n = input.length;
  const at = (): number => Math.floor(random() * (n + 1));
  const join = (...parts: Uint8Array[]): Uint8Array => {
    const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  };
  switch (kind) {
    case 'flip': {
      const out = input.slice();
      const count = 1 + Math.floor(random() * 16);
      for (let i = 0; i < count && n > 0; i++) out[Math.floor(random() * n)] = Math.floor(random() * 256);
      return { bytes: out, kind };
    }
    case 'cut':
      return { bytes: input.slice(0, at()), kind };
    case 'drop-tag': {
      const start = input.indexOf(0x3c, at());
      const end = start === -1 ? -1 : input.indexOf(0x3e, start);
      return { bytes: end === -1 ? input.slice() : join(input.subarray(0, start), input.subarray(end + 1)), kind };
    }
    case 'inject': {
      const token = enc.encode(INJECTIONS[Math.floor(random() * INJECTIONS.length)] ?? '&');
      const p = at();
      return { bytes: join(input.subarray(0, p), token, input.subarray(p)), kind };
    }
    case 'duplicate': {
      const a = at();
      const b = Math.min(n, a + Math.floor(random() * 4096));
      return { bytes: join(input.subarray(0, b), input.subarray(a, b), input.subarray(b)), kind };
    }
    case 'splice-random': {
      const p = at();
      const noise = Uint8Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256));
      return { bytes: join(input.subarray(0, p), noise, input.subarray(p)), kind };
    }
    default: {
      const [a, b] = [at(), at()].sort((x, y) => x - y) as [number, number];
      const mid = Math.floor((a + b) / 2);
      return { bytes: join(input.subarray(0, a), input.subarray(mid, b), input.subarray(a, mid), input.subarray(b)), kind };
    }
  }
}

/** Why a parse result breaks the ParseResult contract, or undefined when it holds. */
export function contractViolation(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null) return 'result is not an object';
  const r = result as { ok?: unknown; feed?: { items?: unknown; title?: unknown }; error?: { code?: unknown } };
  if (r.ok === false) return ['not-a-feed', 'malformed', 'too-large'].includes(String(r.error?.code)) ? undefined : `bad error code ${String(r.error?.code)}`;
  if (r.ok !== true || !r.feed) return 'neither ok nor error';
  if (typeof r.feed.title !== 'string' || !Array.isArray(r.feed.items)) return 'feed without title or items';
  for (const item of r.feed.items as Record<string, unknown>[]) {
    if (typeof item['id'] !== 'string' || item['id'] === '') return 'item without id';
    if (typeof item['title'] !== 'string') return 'item without title string';
    for (const k of ['published', 'updated']) {
      const t = item[k];
      if (t !== undefined && (typeof t !== 'number' || !Number.isFinite(t))) return `${k} is not a finite number`;
    }
    if (!Array.isArray(item['enclosures']) || !Array.isArray(item['categories'])) return 'item lists missing';
  }
  return undefined;
}

/**
 * Whether a host is on a loopback, private, link-local or otherwise local network rather than
 * the public internet: a page must not be able to make Orrery (which may fetch any address)
 * read an intranet or a router for it. Judged from the name alone: a public name that resolves
 * to a private address (DNS rebinding, `*.localtest.me`) cannot be recognized without a lookup.
 */

// Names that only mean something on the local network (RFC 6761, 6762, 8375, and common use).
const LOCAL_SUFFIX = /\.(?:localhost|local|internal|lan|home\.arpa)$/;

/** IPv4 ranges that are not public unicast, as [first octets as a 32-bit number, prefix length]. */
const PRIVATE_V4: readonly [number, number][] = [
  [0x00000000, 8], // "this network": 0.0.0.0 reaches the local machine
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10, carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local (cloud metadata lives at 169.254.169.254)
  [0xac100000, 12], // 172.16/12
  [0xc0000000, 24], // IETF protocol assignments
  [0xc0a80000, 16], // 192.168/16
  [0xc6120000, 15], // 198.18/15, benchmarking
  [0xe0000000, 3], // multicast, reserved and broadcast (224.0.0.0 and up)
];

function privateV4(n: number): boolean {
  return PRIVATE_V4.some(([base, bits]) => (n >>> (32 - bits)) === (base >>> (32 - bits)));
}

/** The 32-bit value of a dotted-decimal IPv4 address (the form URL gives every IPv4 spelling), or undefined. */
function parseV4(host: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + p, 0);
}

/** The eight 16-bit groups of an IPv6 address (brackets and zone removed), or undefined. */
function parseV6(text: string): number[] | undefined {
  let host = text.replace(/%.*$/, '');
  // A trailing dotted IPv4 (::ffff:127.0.0.1) becomes two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(host);
  if (v4) {
    const n = parseV4(v4[1] ?? '');
    if (n === undefined) return undefined;
    host = `${host.slice(0, v4.index)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = host.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (fill < 0 || (halves.length === 1 && head.length !== 8)) return undefined;
  const all = [...head, ...Array<string>(fill).fill('0'), ...tail];
  if (all.length !== 8 || all.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return all.map((g) => parseInt(g, 16));
}

function privateV6(g: number[]): boolean {
  const [a = 0, b = 0, , , , f = 0, s = 0, t = 0] = g;
  const v4 = s * 65536 + t;
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(7) && t <= 1) return true; // :: and ::1
  if (zeroUpTo(5) && f === 0xffff) return privateV4(v4); // IPv4-mapped ::ffff:a.b.c.d
  if (zeroUpTo(6)) return privateV4(v4); // IPv4-compatible ::a.b.c.d (deprecated, still routed by some stacks)
  if (a === 0x64 && b === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return privateV4(v4); // NAT64 64:ff9b::/96
  if (a === 0x2002) return privateV4(b * 65536 + (g[2] ?? 0)); // 6to4 carries an IPv4 address
  if ((a & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((a & 0xffc0) === 0xfe80 || (a & 0xffc0) === 0xfec0) return true; // link-local fe80::/10, site-local fec0::/10
  if ((a & 0xff00) === 0xff00) return true; // multicast
  return false;
}

/**
 * True when `hostname` (as `new URL(…).hostname` gives it: IPv4 in dotted decimal whatever its
 * spelling, IPv6 in brackets) names a loopback, private, link-local or local-only host: 127/8,
 * 10/8, 172.16/12, 192.168/16, 169.254/16, 0/8, 100.64/10, ::1, fc00::/7, fe80::/10, IPv4 inside
 * IPv6 (mapped, compatible, NAT64, 6to4), `localhost`, `.local`, `.internal`, and plain names
 * without a dot (resolved through the local search domain).
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) {
    const groups = parseV6(host.slice(1, -1));
    // An IPv6 literal we cannot read is not trusted.
    return groups === undefined || privateV6(groups);
  }
  const v4 = parseV4(host);
  if (v4 !== undefined) return privateV4(v4);
  if (!host.includes('.')) return true;
  return LOCAL_SUFFIX.test(host);
}

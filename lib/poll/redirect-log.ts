/**
 * Which redirects a fetch went through, and with which status. `fetch` follows redirects
 * without telling 301 from 302 (and `redirect: 'manual'` hides the Location in an
 * extension), so the background records them from webRequest.onBeforeRedirect.
 */

/** One redirect as the browser reports it. */
export interface RedirectHop {
  from: string;
  to: string;
  status: number;
  at: number;
}

/** A request that failed in the network stack, as webRequest.onErrorOccurred reports it. */
export interface NetError {
  url: string;
  /** "net::ERR_NAME_NOT_RESOLVED", "net::ERR_TOO_MANY_REDIRECTS", "NS_ERROR_UNKNOWN_HOST"… */
  error: string;
  at: number;
}

/** A short-lived record of redirects, keyed by the URL redirected from. */
export interface RedirectLog {
  record(hop: RedirectHop): void;
  /** The hops from `url` on, following recorded redirects (at most 10, no loops); only those since `since`. */
  chain(url: string, since?: number): RedirectHop[];
  /** Records why a request failed: `fetch` only says "Failed to fetch". */
  recordError(error: NetError): void;
  /** The browser's error for `url` or the last address its redirects led to, since `since`. */
  errorFor(url: string, since?: number): string | undefined;
  /** Forgets hops older than `maxAgeMs`. */
  prune(now: number, maxAgeMs?: number): void;
}

/** The longest chain followed; a fetch gives up after 20 redirects. */
const MAX_CHAIN = 10;

/** Creates an empty log. */
export function createRedirectLog(): RedirectLog {
  const hops = new Map<string, RedirectHop>();
  const errors = new Map<string, NetError>();
  const chain = (url: string, since = -Infinity): RedirectHop[] => {
    const out: RedirectHop[] = [];
    const seen = new Set<string>();
    let at = url;
    while (out.length < MAX_CHAIN && !seen.has(at)) {
      seen.add(at);
      const hop = hops.get(at);
      if (!hop || hop.at < since) break;
      out.push(hop);
      at = hop.to;
    }
    return out;
  };
  return {
    record(hop) {
      hops.set(hop.from, hop);
    },
    chain,
    recordError(e) {
      errors.set(e.url, e);
    },
    errorFor(url, since = -Infinity) {
      const urls = [url, ...chain(url, since).map((h) => h.to)];
      const found = urls.map((u) => errors.get(u)).filter((e): e is NetError => e !== undefined && e.at >= since);
      return found.sort((a, b) => b.at - a.at)[0]?.error;
    },
    prune(now, maxAgeMs = 10 * 60_000) {
      for (const [k, h] of hops) if (now - h.at > maxAgeMs) hops.delete(k);
      for (const [k, e] of errors) if (now - e.at > maxAgeMs) errors.delete(k);
    },
  };
}

/**
 * The addresses of a redirect chain that comes back to one it passed (a loop), or that runs
 * past the longest chain followed (too many redirects); undefined for an ordinary chain.
 */
export function redirectTrouble(chain: RedirectHop[]): { loop: boolean; urls: string[] } | undefined {
  const first = chain[0];
  if (!first) return undefined;
  const urls = [first.from, ...chain.map((h) => h.to)];
  const loop = new Set(urls).size < urls.length;
  if (!loop && chain.length < MAX_CHAIN) return undefined;
  return { loop, urls };
}

/** "a → b → a", or "a → b → … → z" for a long chain. */
export function chainText(urls: string[]): string {
  const shown = urls.length > 4 ? [urls[0]!, urls[1]!, '…', urls[urls.length - 1]!] : urls;
  return shown.join(' → ');
}

/**
 * The URL a subscription should move to after following `chain` to `finalUrl`: only when
 * every hop was permanent (301 or 308). A temporary hop anywhere keeps the old URL.
 */
export function permanentTarget(chain: RedirectHop[], finalUrl: string): string | undefined {
  if (chain.length === 0) return undefined;
  if (!chain.every((h) => h.status === 301 || h.status === 308)) return undefined;
  const last = chain[chain.length - 1];
  return last?.to === finalUrl ? finalUrl : undefined;
}

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

/** A short-lived record of redirects, keyed by the URL redirected from. */
export interface RedirectLog {
  record(hop: RedirectHop): void;
  /** The hops from `url` on, following recorded redirects (at most 10, no loops). */
  chain(url: string): RedirectHop[];
  /** Forgets hops older than `maxAgeMs`. */
  prune(now: number, maxAgeMs?: number): void;
}

/** Creates an empty log. */
export function createRedirectLog(): RedirectLog {
  const hops = new Map<string, RedirectHop>();
  return {
    record(hop) {
      hops.set(hop.from, hop);
    },
    chain(url) {
      const out: RedirectHop[] = [];
      const seen = new Set<string>();
      let at = url;
      while (out.length < 10 && !seen.has(at)) {
        seen.add(at);
        const hop = hops.get(at);
        if (!hop) break;
        out.push(hop);
        at = hop.to;
      }
      return out;
    },
    prune(now, maxAgeMs = 10 * 60_000) {
      for (const [k, h] of hops) if (now - h.at > maxAgeMs) hops.delete(k);
    },
  };
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

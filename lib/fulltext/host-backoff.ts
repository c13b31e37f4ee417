/**
 * Hosts that asked Orrery to wait (a 429 or 503 with Retry-After on an article page): no
 * article is requested from them before that time. Kept in the worker's memory: a restart
 * forgets it, and the next request meets the same answer again.
 */

/** The waits per host. */
export interface HostBackoff {
  /** Until when `url`'s host asked to wait (epoch ms), or undefined when it may be asked now. */
  until(url: string, now: number): number | undefined;
  /** Records that `url`'s host asked to wait until `at`. */
  wait(url: string, at: number): void;
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** A fresh, empty record of waits. */
export function createHostBackoff(): HostBackoff {
  const waits = new Map<string, number>();
  return {
    until(url, now) {
      const host = hostOf(url);
      const at = waits.get(host);
      if (at === undefined) return undefined;
      if (at <= now) {
        waits.delete(host);
        return undefined;
      }
      return at;
    },
    wait(url, at) {
      const host = hostOf(url);
      waits.set(host, Math.max(at, waits.get(host) ?? 0));
    },
  };
}

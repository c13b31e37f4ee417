const ABSOLUTE_HTTP = /^https?:\/\/[^\s\\]+$/i;
// A root-relative path made only of characters the URL parser leaves alone, with no dot segments.
const SIMPLE_ROOT_PATH = /^\/(?!\/)[A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]*$/;
const DOT_SEGMENT = /\/\.\.?(?:[/?#]|$)/;

// The URL parser dominates large feeds (every relative href in every post): remember the origin
// of recent bases and recent resolutions. Both maps are small and cleared when full.
const origins = new Map<string, string | null>();
const resolved = new Map<string, string>();
const LIMIT = 2000;

function originOf(base: string): string | null {
  let origin = origins.get(base);
  if (origin === undefined) {
    try {
      const u = new URL(base);
      // Only plain http(s) bases: user info would have to be carried over, origin drops it.
      origin = /^https?:$/.test(u.protocol) && !u.username && !u.password ? u.origin : null;
    } catch {
      origin = null;
    }
    if (origins.size >= LIMIT) origins.clear();
    origins.set(base, origin);
  }
  return origin;
}

/**
 * `ref` resolved against `base` (WHATWG rules); `ref` trimmed and unchanged when it cannot be
 * resolved (no base, or a base that is not a URL), so a link is never lost, only left relative.
 */
export function resolveUrl(ref: string, base: string | undefined): string {
  const trimmed = ref.trim();
  if (ABSOLUTE_HTTP.test(trimmed)) return trimmed; // most links: no URL parser needed
  if (!base) return trimmed;
  if (SIMPLE_ROOT_PATH.test(trimmed) && !DOT_SEGMENT.test(trimmed)) {
    const origin = originOf(base);
    if (origin) return origin + trimmed;
  }
  const key = `${base}\n${trimmed}`;
  let out = resolved.get(key);
  if (out === undefined) {
    try {
      out = new URL(trimmed, base).href;
    } catch {
      out = trimmed;
    }
    if (resolved.size >= LIMIT) resolved.clear();
    resolved.set(key, out);
  }
  return out;
}

const ABSOLUTE_HTTP = /^https?:\/\/[^\s\\]+$/i;

/**
 * `ref` resolved against `base` (WHATWG rules); `ref` trimmed and unchanged when it cannot be
 * resolved (no base, or a base that is not a URL), so a link is never lost, only left relative.
 */
export function resolveUrl(ref: string, base: string | undefined): string {
  const trimmed = ref.trim();
  // Most links are already absolute: skip the URL parser for them (it dominates large feeds).
  if (ABSOLUTE_HTTP.test(trimmed)) return trimmed;
  if (!base) return trimmed;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return trimmed;
  }
}

// Data URLs are only safe where the browser decodes them as an image (never as a document).
const DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp|x-icon|svg\+xml)[;,]/i;
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:', 'ftp:']);

/**
 * Makes one URL attribute value absolute against the post's base URL and checks its scheme.
 * Returns the value to keep, or undefined to drop the attribute. Without a base, relative URLs
 * are kept as written (DOMPurify's URI allowlist still applies).
 */
export function resolveAttributeUrl(value: string, tag: string, attr: string, baseUrl?: string): string | undefined {
  const trimmed = value.trim();
  if (/^data:/i.test(trimmed)) return tag === 'img' && attr === 'src' && DATA_IMAGE.test(trimmed) ? trimmed : undefined;
  let url: URL;
  try {
    url = baseUrl === undefined ? new URL(trimmed) : new URL(trimmed, baseUrl);
  } catch {
    // Relative with no base (or unparsable): let DOMPurify's scheme allowlist judge it.
    return baseUrl === undefined ? trimmed : undefined;
  }
  return SAFE_SCHEMES.has(url.protocol) ? url.href : undefined;
}

/** resolveAttributeUrl for each candidate of a srcset ("a.jpg 1x, b.jpg 2x"); undefined if any is unsafe. */
export function resolveSrcset(value: string, baseUrl?: string): string | undefined {
  const out: string[] = [];
  for (const candidate of value.split(/,\s+/)) {
    const [url = '', ...descriptors] = candidate.trim().split(/\s+/);
    if (url === '') continue;
    const resolved = resolveAttributeUrl(url, 'img', 'srcset', baseUrl);
    if (resolved === undefined) return undefined;
    out.push([resolved, ...descriptors].join(' '));
  }
  return out.length > 0 ? out.join(', ') : undefined;
}

/**
 * Tracking pixels: images that exist only to report that a post was read. An image's real size
 * is unknown until it has loaded (and loading it is the read receipt), so before loading a pixel
 * is recognized only by what the post says: a declared size under 2 px (width/height attributes,
 * or a style's width, height, max-width or max-height in any unit Orrery can convert), a style
 * that hides it, or a URL of a known shape (feed-statistics and analytics endpoints, a `.gif`
 * named open/track/pixel/beacon/1x1, a `.gif` carrying utm_ parameters). A pixel matching none
 * of these loads once; EntryContent then hides any loaded image of at most 2x2 pixels
 * (hideLoadedPixel) so it takes no space.
 */

// Known pixel endpoints that do not always declare their 1x1 size.
const TRACKER_URL =
  /^https?:\/\/(?:(?:feeds\.feedburner\.com|feedproxy\.google\.com)\/(?:~r|~ff)\/|feeds\.feedblitz\.com\/~\/i\/|pixel\.wp\.com\/|stats\.wordpress\.com\/|(?:www\.|ssl\.)?google-analytics\.com\/(?:r\/)?(?:collect|__utm\.gif)|www\.facebook\.com\/tr\b)/i;
// Email-style open trackers, on any host.
const OPEN_PAGE = /\/open\.(?:aspx|php)$/i;
// A path segment (or a .gif's name) that says what the image is for.
const BEACON_NAME = /^(?:open|opened|track|tracking|tracker|pixel|beacon|1x1|trk|__utm)$/i;

function isTiny(value: string | null): boolean {
  if (value === null || !/^\s*(?:\d|\.\d)/.test(value)) return false;
  return parseFloat(value) < 2;
}

/** A CSS length in pixels, or undefined when it cannot be known without layout (%, vw, calc…). */
function cssPixels(value: string): number | undefined {
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+))\s*(px|em|rem|pt|pc|cm|mm|in|q|%)?\s*(?:!\s*important\s*)?$/i.exec(value);
  if (!m) return undefined;
  const n = parseFloat(m[1] ?? '');
  const unit = (m[2] ?? '').toLowerCase();
  if (n === 0) return 0;
  const perUnit: Record<string, number> = { '': Number.NaN, px: 1, em: 16, rem: 16, pt: 4 / 3, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, q: 96 / 101.6 };
  const factor = perUnit[unit];
  return factor === undefined || Number.isNaN(factor) ? undefined : n * factor;
}

/** True when an inline style (as the feed wrote it, before it is dropped) makes the image tiny or invisible. */
export function styleHidesImage(style: string | null): boolean {
  if (!style) return false;
  // Comments could split a property from its value; they carry nothing else.
  for (const declaration of style.replace(/\/\*[\s\S]*?\*\//g, '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim().toLowerCase();
    if (/^(?:max-)?(?:width|height)$/.test(property)) {
      const px = cssPixels(value);
      if (px !== undefined && px < 2) return true;
    } else if (property === 'display' && /^none\b/.test(value)) return true;
    else if (property === 'visibility' && /^(?:hidden|collapse)\b/.test(value)) return true;
    else if (property === 'opacity' && (cssPixels(value) ?? 1) === 0) return true;
  }
  return false;
}

/** True when an image URL has the shape of a tracker (see the module comment). */
export function isTrackerUrl(src: string): boolean {
  if (TRACKER_URL.test(src)) return true;
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  const path = decodeURIComponent(url.pathname);
  if (OPEN_PAGE.test(path)) return true;
  if (!/\.gif$/i.test(path)) return false;
  const segments = path.split('/').filter(Boolean);
  const last = segments.pop()?.replace(/\.gif$/i, '') ?? '';
  if ([...segments, last].some((s) => BEACON_NAME.test(s))) return true;
  return [...url.searchParams.keys()].some((k) => /^utm_/i.test(k));
}

/**
 * True for an <img> that exists only to report that the post was read. `style` is the inline
 * style the feed gave it (the sanitizer drops style attributes, so it is read before that).
 */
export function isTrackingPixel(img: Element, style: string | null = img.getAttribute('style')): boolean {
  return isTiny(img.getAttribute('width')) || isTiny(img.getAttribute('height')) || styleHidesImage(style) || isTrackerUrl(img.getAttribute('src') ?? '');
}

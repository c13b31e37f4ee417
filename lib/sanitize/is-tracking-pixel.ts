// Known pixel endpoints that do not always declare their 1x1 size.
const TRACKER_URL = /^https?:\/\/(?:feeds\.feedburner\.com\/(?:~r|~ff)\/|pixel\.wp\.com\/|stats\.wordpress\.com\/)/i;

function isTiny(value: string | null): boolean {
  if (value === null || !/^\s*\d/.test(value)) return false;
  return parseFloat(value) < 2;
}

/** True for an <img> that exists only to report that the post was read (1x1 / 0x0, or a known tracker). */
export function isTrackingPixel(img: Element): boolean {
  return isTiny(img.getAttribute('width')) || isTiny(img.getAttribute('height')) || TRACKER_URL.test(img.getAttribute('src') ?? '');
}

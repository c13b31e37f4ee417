/**
 * What a rendered post may load only when the reader asks, and what a loaded image turns out to
 * be. The sanitizer keeps a <track>'s URL in DEFERRED_SRC instead of src (Chromium fetches a
 * default track at once, preload="none" or not); the page puts it back when its media plays.
 */

/** The attribute a <track>'s sanitized URL waits in until its media is played. */
export const DEFERRED_SRC = 'data-deferred-src';

/** Gives the text tracks of `media` their URLs: called when the reader starts it. */
export function loadDeferredTracks(media: HTMLMediaElement): void {
  for (const track of media.querySelectorAll('track')) {
    const src = track.getAttribute(DEFERRED_SRC);
    if (src === null) continue;
    track.removeAttribute(DEFERRED_SRC);
    track.setAttribute('src', src);
  }
}

/** Largest image, in pixels each way, that is a tracking pixel rather than content. */
const PIXEL_MAX = 2;

/**
 * Hides an image that loaded at 2x2 pixels or less: a tracking pixel that no rule recognized
 * before loading (see is-tracking-pixel.ts). It has reported already; at least it takes no space.
 */
export function hideLoadedPixel(img: HTMLImageElement): boolean {
  if (img.naturalWidth === 0 || img.naturalWidth > PIXEL_MAX || img.naturalHeight > PIXEL_MAX) return false;
  img.hidden = true;
  return true;
}

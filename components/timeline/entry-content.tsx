/** Feed HTML on screen: the only place that sets innerHTML, and only with sanitized markup. */
import { useMemo } from 'preact/hooks';
import { hideLoadedPixel, loadDeferredTracks } from '../../lib/sanitize/post-media';
import { sanitizeHtml } from '../../lib/sanitize/sanitize-html';
import { UPGRADES_INSECURE_MEDIA } from '../../lib/ui/insecure-media';
import { retryInsecureImage } from '../insecure-media-loader';

/** Props of EntryContent. */
export interface EntryContentProps {
  html: string;
  baseUrl?: string;
}

/** Sanitized markup of the posts shown lately, so a post that comes back (window, search) is not sanitized again. */
const cache = new Map<string, string>();
const CACHE_MAX = 600;

function sanitizedOnce(html: string, baseUrl: string | undefined): string {
  const key = `${baseUrl ?? ''}\u0000${html}`;
  let clean = cache.get(key);
  if (clean === undefined) {
    clean = sanitizeHtml(html, baseUrl ? { baseUrl } : {});
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  } else cache.delete(key);
  cache.set(key, clean);
  return clean;
}

/** Renders a post's content through the one DOMPurify configuration. */
export function EntryContent({ html, baseUrl }: EntryContentProps) {
  const clean = useMemo(() => sanitizedOnce(html, baseUrl), [html, baseUrl]);
  // Media, load and error events do not bubble: caught on the way down. A track loads when its
  // video plays; an image that turns out to be a 1x1 pixel is hidden.
  return (
    <div
      class="content"
      // A post reads in its own direction (an English article in an Arabic page, and the reverse).
      dir="auto"
      data-testid="entry-content"
      onPlayCapture={(e) => e.target instanceof HTMLMediaElement && loadDeferredTracks(e.target)}
      onLoadCapture={(e) => e.target instanceof HTMLImageElement && hideLoadedPixel(e.target)}
      // Firefox upgrades an http: image here to https; from a host without https it comes through the extension.
      onErrorCapture={(e) => UPGRADES_INSECURE_MEDIA && e.target instanceof HTMLImageElement && retryInsecureImage(e.target)}
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}

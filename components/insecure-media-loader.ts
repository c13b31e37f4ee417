/** The page's one loader of plain-http media (Firefox builds): shared by the player and posts' images. */
import { createInsecureMediaLoader, isInsecureWebUrl, type InsecureMediaLoader } from '../lib/ui/insecure-media';

let loader: InsecureMediaLoader | undefined;

/** The loader, created on first use with the page's fetch and object URLs. */
export function insecureMedia(): InsecureMediaLoader {
  loader ??= createInsecureMediaLoader({
    fetch: (url, init) => fetch(url, init),
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
  });
  return loader;
}

/**
 * A post's image that failed to load: when its address is plain http (which Firefox upgraded to
 * https behind the page's back), shown again from the extension's own fetch of it.
 */
export function retryInsecureImage(img: HTMLImageElement): void {
  const src = img.getAttribute('src');
  if (!isInsecureWebUrl(src)) return;
  insecureMedia()
    .load(src)
    .then((objectUrl) => {
      if (img.getAttribute('src') !== src) return;
      // A srcset would be chosen over src (and upgraded again).
      img.removeAttribute('srcset');
      img.src = objectUrl;
    })
    // The host answered with an error or not at all: the image stays broken, as in any page.
    .catch(() => undefined);
}

/**
 * A post's picture for the summary, titles and cards views: the one the feed names
 * (media:thumbnail, media:content, itunes:image, JSON Feed image: the parser's imageUrl), else
 * an image enclosure, else the first image of the content that is not a tracking pixel.
 * Only an http(s) address is ever returned.
 */
import type { StoredPost } from '../db/types';
import { isTrackerUrl } from '../sanitize/is-tracking-pixel';
import { webUrlOrUndefined } from '../util/web-url';

const IMG_TAG = /<img\b[^>]*>/gi;
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const v = m?.[1] ?? m?.[2] ?? m?.[3];
  return v?.replace(/&amp;/gi, '&').trim();
}

const tiny = (v: string | undefined) => v !== undefined && /^\s*\d/.test(v) && parseFloat(v) < 2;

/** The first image of some HTML that is an http(s) address and not a tracking pixel (the HTML's URLs are resolved already). */
export function firstContentImage(html: string | undefined): string | undefined {
  if (!html || !html.includes('<')) return undefined;
  for (const m of html.matchAll(IMG_TAG)) {
    const tag = m[0];
    const src = webUrlOrUndefined(attr(tag, 'src') ?? attr(tag, 'data-src'));
    if (!src || tiny(attr(tag, 'width')) || tiny(attr(tag, 'height')) || isTrackerUrl(src)) continue;
    return src;
  }
  return undefined;
}

const memo = new WeakMap<StoredPost, string | null>();

/** The post's picture, or undefined (remembered per post object: the river renders posts often). */
export function postPicture(post: StoredPost): string | undefined {
  const known = memo.get(post);
  if (known !== undefined) return known ?? undefined;
  const enclosure = post.enclosures.find((e) => (e.type ? e.type.startsWith('image/') : IMAGE_FILE.test(e.url)) && webUrlOrUndefined(e.url));
  const url = webUrlOrUndefined(post.imageUrl) ?? enclosure?.url ?? firstContentImage(post.contentHtml ?? post.summary);
  memo.set(post, url ?? null);
  return url;
}

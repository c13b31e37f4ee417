/**
 * Repairs what lazy-loading scripts leave in a page once scripts do not run (and what
 * extraction then drops): images whose real address waits in data-src/data-srcset, a
 * placeholder whose real image sits in a <noscript> beside it, <picture> sources with
 * data-srcset.
 */

/** Attributes lazy-loading libraries keep the real image address in (lazysizes, WordPress Jetpack, lozad, echo, Medium…). */
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-orig-file', 'data-hi-res-src', 'data-actualsrc', 'data-echo', 'data-url'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];

/** Whether an image's src is a stand-in: missing, an inline data: URI, or a blank/spacer/placeholder file. */
export function isPlaceholderSrc(src: string | null): boolean {
  if (!src || !src.trim()) return true;
  const s = src.trim().toLowerCase();
  if (s.startsWith('data:')) return true;
  const file = s.split(/[?#]/)[0]?.split('/').pop() ?? '';
  return /^(?:blank|spacer|pixel|placeholder|lazy|loading|loader|transparent|grey|gray|empty|1x1)(?:[-_][a-z0-9]+)?\.(?:gif|png|svg|jpe?g|webp)$/.test(file);
}

function firstAttr(el: Element, names: readonly string[]): string | undefined {
  for (const n of names) {
    const v = el.getAttribute(n)?.trim();
    if (v && !v.toLowerCase().startsWith('data:')) return v;
  }
  return undefined;
}

/** The elements of a <noscript>: parsed already when the document had scripting off (DOMParser), else from its text. */
function noscriptContent(ns: Element, parse: ((html: string) => Document) | undefined): Element[] {
  if (ns.children.length > 0) return [...ns.children];
  const text = ns.textContent ?? '';
  if (!parse || !/<img\b/i.test(text)) return [];
  const body = parse(`<body>${text}</body>`).body;
  return [...body.children].map((el) => ns.ownerDocument.importNode(el, true));
}

/** The single image a small piece of markup holds (a <noscript> fallback), else undefined. */
function onlyImage(els: Element[]): Element | undefined {
  const imgs = els.flatMap((el) => (el.localName === 'img' ? [el] : [...el.querySelectorAll('img')]));
  if (imgs.length !== 1) return undefined;
  const text = els.map((el) => el.textContent ?? '').join('').trim();
  return text.length < 200 ? imgs[0] : undefined;
}

/** The placeholder image right before a <noscript> (its sibling, or alone in the sibling element). */
function placeholderBefore(ns: Element): Element | undefined {
  let prev = ns.previousElementSibling;
  while (prev && (prev.localName === 'canvas' || (prev.localName === 'div' && !prev.textContent?.trim() && !prev.querySelector('img')))) prev = prev.previousElementSibling;
  if (!prev) return undefined;
  const img = prev.localName === 'img' ? prev : prev.querySelectorAll('img').length === 1 && !prev.textContent?.trim() ? prev.querySelector('img') : null;
  if (!img) return undefined;
  const lazy = firstAttr(img, LAZY_SRC) !== undefined || isPlaceholderSrc(img.getAttribute('src')) || /lazy|placeholder|thumbnail|blur/i.test(img.getAttribute('class') ?? '');
  return lazy ? img : undefined;
}

/**
 * Repairs lazy images in `doc` in place; returns how many images were changed. `parse`
 * reads a <noscript>'s markup when the document kept it as text (scripting on).
 */
export function repairLazyImages(doc: Document, parse?: (html: string) => Document): number {
  let repaired = 0;
  // <noscript> fallbacks first: the real <img> replaces its placeholder, or stands alone.
  for (const ns of [...doc.querySelectorAll('noscript')]) {
    const img = onlyImage(noscriptContent(ns, parse));
    if (!img) continue;
    const stale = placeholderBefore(ns);
    if (stale) {
      stale.replaceWith(img);
      ns.remove();
    } else ns.replaceWith(img);
    repaired++;
  }
  for (const img of [...doc.querySelectorAll('img')]) {
    const src = firstAttr(img, LAZY_SRC);
    const srcset = firstAttr(img, LAZY_SRCSET);
    const current = img.getAttribute('src');
    let changed = false;
    // A lazy loader always swaps data-src in, whatever src holds meanwhile (often a tiny blurred copy).
    if (src && src !== current) {
      img.setAttribute('src', src);
      changed = true;
    }
    if (srcset && srcset !== img.getAttribute('srcset')) {
      img.setAttribute('srcset', srcset);
      changed = true;
    }
    if (!src && !srcset && isPlaceholderSrc(current)) {
      // A stand-in with no real address anywhere: nothing to show.
      const set = img.getAttribute('srcset');
      if (!set || set.trim().toLowerCase().startsWith('data:')) {
        img.remove();
        continue;
      }
      img.removeAttribute('src');
    }
    if (changed) repaired++;
  }
  for (const source of [...doc.querySelectorAll('picture source')]) {
    const srcset = firstAttr(source, LAZY_SRCSET);
    if (srcset) source.setAttribute('srcset', srcset);
  }
  return repaired;
}

/** Makes every link and media address of a page absolute, against the page's base. */

const URL_ATTRS = ['href', 'src', 'poster', 'cite'];

/** The page's base URL: its <base href> resolved against where it was fetched, else that address. */
export function documentBase(doc: Document, pageUrl: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (href) {
    try {
      return new URL(href.trim(), pageUrl).href;
    } catch {
      // a broken <base> is ignored, as browsers do
    }
  }
  return pageUrl;
}

function absolute(value: string, base: string): string | undefined {
  try {
    return new URL(value.trim(), base).href;
  } catch {
    return undefined;
  }
}

/** The candidates of a srcset: each URL with its descriptors ("1x", "640w"), as the HTML spec splits them. */
export function splitSrcset(srcset: string): { url: string; descriptors: string }[] {
  const out: { url: string; descriptors: string }[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i] ?? '')) i++;
    let j = i;
    while (j < srcset.length && !/\s/.test(srcset[j] ?? '')) j++;
    let url = srcset.slice(i, j);
    i = j;
    let descriptors = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      // Descriptors run to the next comma.
      while (i < srcset.length && srcset[i] !== ',') descriptors += srcset[i++];
    }
    if (url) out.push({ url, descriptors: descriptors.trim() });
  }
  return out;
}

/** A srcset with each candidate's URL resolved ("a.jpg 1x, /b.jpg 2x"). */
export function resolveSrcset(srcset: string, base: string): string {
  return splitSrcset(srcset)
    .map(({ url, descriptors }) => [absolute(url, base) ?? url, descriptors].filter(Boolean).join(' '))
    .join(', ');
}

/**
 * Resolves href, src, poster, cite and srcset under `root` against `base`, in place. An
 * in-page fragment link ("#note-1") keeps its form: it points into the article itself.
 */
export function resolveArticleUrls(root: Element, base: string): void {
  for (const attr of URL_ATTRS) {
    for (const el of [...root.querySelectorAll(`[${attr}]`)]) {
      const v = el.getAttribute(attr) ?? '';
      if (attr === 'href' && v.trim().startsWith('#')) continue;
      const abs = absolute(v, base);
      if (abs !== undefined) el.setAttribute(attr, abs);
    }
  }
  for (const el of [...root.querySelectorAll('[srcset]')]) {
    el.setAttribute('srcset', resolveSrcset(el.getAttribute('srcset') ?? '', base));
  }
}

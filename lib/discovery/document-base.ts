/** The document's base URL: the first <base href>, resolved against the page, if it is http(s). */
export function documentBase(baseHref: string | undefined, pageUrl: string): string {
  if (baseHref === undefined) return pageUrl;
  try {
    const url = new URL(baseHref.trim(), pageUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : pageUrl;
  } catch {
    return pageUrl;
  }
}

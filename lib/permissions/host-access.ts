/**
 * Orrery's access to websites (its host permission). Firefox lets the reader withhold it at
 * install or withdraw it later, and Chrome's "Site access" can limit it to some sites: without it
 * every fetch fails with a bare NetworkError and no content script runs. So access is checked
 * before fetching for the reader, and where it is missing the reader is told and asked.
 */
import { t } from '../i18n/t';
import { parseWebUrl } from '../util/web-url';

/** Every web site: what feeds need (they live anywhere); a subset of the manifest's host permission. */
export const ALL_SITES: readonly string[] = ['http://*/*', 'https://*/*'];

/** The part of browser.permissions used here (injected so Node can test it). */
export interface PermissionsApi {
  contains(p: { origins: string[] }): Promise<boolean>;
  request(p: { origins: string[] }): Promise<boolean>;
}

/** The match pattern of the site `url` is on, or undefined when it is not an http(s) address. */
export function sitePattern(url: string): string | undefined {
  const parsed = parseWebUrl(url);
  return parsed ? `${parsed.protocol}//${parsed.hostname}/*` : undefined;
}

/** True when Orrery may reach `url` (every site when no address is given). */
export async function hasHostAccess(permissions: PermissionsApi, url?: string): Promise<boolean> {
  const origins = url === undefined ? [...ALL_SITES] : [sitePattern(url)].filter((p): p is string => p !== undefined);
  if (origins.length === 0) return true; // not a web address: nothing to ask for (the caller rejects it)
  return permissions.contains({ origins });
}

/**
 * Asks the reader for access to every site. Must be the first call in a click handler (Firefox
 * refuses a request made after an await: "may only be called from a user input handler").
 */
export function requestHostAccess(permissions: PermissionsApi): Promise<boolean> {
  return permissions.request({ origins: [...ALL_SITES] });
}

/** What the reader is told when Orrery may not reach `url`. */
export function missingAccessMessage(url: string): string {
  const host = parseWebUrl(url)?.hostname ?? url;
  return t('error_noHostAccess', { host });
}

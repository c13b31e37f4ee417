import { t } from '../i18n/t';

/** The outcome of normalizeFeedUrl: a subscribable URL, or why not. */
export type FeedUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Turns a URL written in an OPML file into an absolute http(s) URL.
 *
 * `feed:` comes in two spellings (feed://host/path and feed:https://host/path, see
 * https://en.wikipedia.org/wiki/Feed_URI_scheme); both become plain http(s).
 */
export function normalizeFeedUrl(raw: string): FeedUrlCheck {
  let candidate = raw.trim();
  if (candidate === '') return { ok: false, reason: t('opml_missingUrl') };
  if (/^feed:/i.test(candidate)) {
    const rest = candidate.slice('feed:'.length);
    if (/^https?:/i.test(rest)) candidate = rest;
    else candidate = `http:${rest.startsWith('//') ? '' : '//'}${rest}`;
  }
  // Protocol-relative URLs have no page to inherit a scheme from; https is the safe guess.
  if (candidate.startsWith('//')) candidate = `https:${candidate}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, reason: t('opml_notAbsolute', { url: raw.trim() }) };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: t('opml_badScheme', { scheme: url.protocol }) };
  }
  if (url.hostname === '') return { ok: false, reason: t('opml_noHost', { url: raw.trim() }) };
  return { ok: true, url: url.href };
}

/** What the user typed in the subscribe box, made into an address Orrery can fetch. */
import { t } from '../i18n/t';
import { normalizeFeedUrl } from '../opml/normalize-feed-url';

/** A fetchable URL, or a sentence saying why the input is not one. */
export type UserUrl = { ok: true; url: string } | { ok: false; error: string };

/**
 * Accepts "example.com/blog" (https is assumed), "feed:…" in both spellings and plain
 * http(s) URLs; refuses other schemes and text that is not an address, in words.
 */
export function parseUserUrl(input: string): UserUrl {
  const raw = input.trim();
  if (raw === '') return { ok: false, error: t('error_typeAddress') };
  if (/\s/.test(raw)) return { ok: false, error: t('error_addressSpaces', { input: raw }) };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) && !/^[^:/]+:\d+(?:\/|$)/.test(raw);
  const withScheme = hasScheme ? raw : `https://${raw.replace(/^\/\//, '')}`;
  const checked = normalizeFeedUrl(withScheme);
  if (!checked.ok) return { ok: false, error: t('error_notAddress', { input: raw, reason: checked.reason }) };
  const host = new URL(checked.url).hostname;
  // "foo" alone is a word, not a site; localhost and IP addresses are fine.
  if (!host.includes('.') && host !== 'localhost' && !host.startsWith('[')) {
    return { ok: false, error: t('error_noDomain', { input: raw, host }) };
  }
  return { ok: true, url: checked.url };
}

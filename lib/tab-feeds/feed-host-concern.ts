/**
 * Whether a feed a page announces may be fetched without asking. A page can name any address
 * as its feed, and Orrery (allowed to read every site) would fetch it and show the answer: an
 * intranet page, a router's admin page, a cloud metadata endpoint, or a third party the reader
 * never chose. A feed on the page's own host is the publisher's own claim and is trusted.
 */
import { t } from '../i18n/t';
import { isPrivateHost } from '../util/private-host';
import { parseWebUrl } from '../util/web-url';

/** Why a detected feed needs the reader's confirmation before it is fetched. */
export interface FeedHostConcern {
  /** 'private': a loopback, private or local-network address; 'other-site': a public host other than the page's. */
  kind: 'private' | 'other-site';
  /** The feed's host as the reader should read it (normalized: http://2130706433/ shows as 127.0.0.1). */
  host: string;
}

/** The host a reader thinks of as "the site": www. is the same site. */
const siteHost = (url: URL) => url.host.toLowerCase().replace(/\.(?=:|$)/, '').replace(/^www\./, '');

/**
 * The concern about fetching `feedUrl`, found on the page at `pageUrl`; undefined when the feed
 * is on the page's own host. Without a known web page, only a public host is trusted.
 */
export function feedHostConcern(feedUrl: string, pageUrl: string | undefined): FeedHostConcern | undefined {
  const feed = parseWebUrl(feedUrl);
  // Not an http(s) URL at all (never listed, see sanitize-detected): nothing to fetch, nothing to trust.
  if (!feed) return { kind: 'other-site', host: feedUrl };
  const page = parseWebUrl(pageUrl);
  if (page && siteHost(page) === siteHost(feed)) return undefined;
  if (isPrivateHost(feed.hostname)) return { kind: 'private', host: feed.host };
  return page ? { kind: 'other-site', host: feed.host } : undefined;
}

/** The sentence the popup shows for a concern. */
export function concernText(concern: FeedHostConcern): string {
  return concern.kind === 'private'
    ? t('worker_concernPrivate', { host: concern.host })
    : t('worker_concernOtherSite', { host: concern.host });
}

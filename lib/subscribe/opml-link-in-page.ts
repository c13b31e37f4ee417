/** Where a Planet's page links its OPML list (Planet pages offer "subscriptions as OPML"). */
import { decodeHtmlEntities } from '../discovery/decode-html-entities';
import { resolveFeedHref } from '../discovery/resolve-feed-href';
import { scanHtmlTags } from '../discovery/scan-html-tags';

/** The first OPML link of an HTML page (<link type="text/x-opml">, or an <a> to *.opml / opml.xml). */
export function opmlLinkInPage(html: string, pageUrl: string): string | undefined {
  let anchor: string | undefined;
  for (const tag of scanHtmlTags(html)) {
    if (tag.closing) continue;
    const href = tag.attrs.get('href');
    if (href === undefined) continue;
    const type = (tag.attrs.get('type') ?? '').toLowerCase();
    if (tag.name === 'link' && /opml/.test(type)) return resolveFeedHref(decodeHtmlEntities(href), pageUrl);
    if (tag.name === 'a' && anchor === undefined && /(?:\.opml|\/opml(?:\.xml)?)(?:[?#]|$)/i.test(href)) {
      anchor = resolveFeedHref(decodeHtmlEntities(href), pageUrl);
    }
  }
  return anchor;
}

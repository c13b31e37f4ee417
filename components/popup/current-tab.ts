/** The web page the popup is about: the active tab, or (when the popup is open in a tab of its own) the last page visited. */
import { browser } from 'wxt/browser';

/** The tab id of the page whose feeds the popup lists, if any. */
export async function currentPageTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const own = browser.runtime.getURL('/');
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id !== undefined && active.url && !active.url.startsWith(own)) return active.id;
  const tabs = await browser.tabs.query({ currentWindow: true });
  const pages = tabs
    .filter((t) => t.id !== undefined && t.url && /^https?:/.test(t.url))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return pages[0]?.id;
}

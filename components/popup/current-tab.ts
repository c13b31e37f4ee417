/** The web page the popup is about: the active tab, or (when the popup is open in a tab of its own) the last page visited. */
import { browser } from 'wxt/browser';

/** The tab whose feeds the popup lists: its id, and its address when the popup may know it. */
export interface PageTab {
  id: number;
  url?: string;
}

/** The tab of the page the popup is about, if any. */
export async function currentPageTab(): Promise<PageTab | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) {
    const tab = await browser.tabs.get(fromQuery).catch(() => undefined);
    return { id: fromQuery, ...(tab?.url ? { url: tab.url } : {}) };
  }
  const own = browser.runtime.getURL('/');
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id !== undefined && active.url && !active.url.startsWith(own)) return { id: active.id, url: active.url };
  const tabs = await browser.tabs.query({ currentWindow: true });
  const pages = tabs
    .filter((t) => t.id !== undefined && t.url && /^https?:/.test(t.url))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  const page = pages[0];
  return page?.id !== undefined ? { id: page.id, ...(page.url ? { url: page.url } : {}) } : undefined;
}

/** The tab id of the page whose feeds the popup lists, if any. */
export async function currentPageTabId(): Promise<number | undefined> {
  return (await currentPageTab())?.id;
}

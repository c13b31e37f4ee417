/**
 * A page takes its read lease itself (public/open-early.js), but only once its HTML and that
 * script have loaded through the browser process: traced during a first refresh of 545 feeds,
 * that was 250-800 ms after the timeline's navigation started (110-370 ms idle), and until then
 * the worker went on fetching, parsing and committing on the two cores the navigation needed.
 * The browser tells the worker much sooner: `tabs.onUpdated` says "loading", with the page's
 * address, 20-50 ms after navigation starts (the extension sees its own pages' addresses
 * without the `tabs` permission). While a polling run lasts, the worker takes a lease for such a
 * tab then, and ends it when the tab says "complete" (the page holds its own lease by then: its
 * script runs before the load event) or goes away; one never ended lapses (READER_TIMING).
 */
import type { ReaderGate } from './reader-gate';

/** What the tab tells about an update (as `tabs.onUpdated` passes it). */
export interface TabChange {
  status?: string;
  url?: string;
}

type UpdatedListener = (tabId: number, change: TabChange, tab: { url?: string }) => void;
type RemovedListener = (tabId: number) => void;

/** The tab events the watcher listens to (browser.tabs, or a fake). */
export interface TabEvents {
  onUpdated: { addListener(fn: UpdatedListener): void; removeListener(fn: UpdatedListener): void };
  onRemoved: { addListener(fn: RemovedListener): void; removeListener(fn: RemovedListener): void };
}

/** What the watcher needs. */
export interface OpeningPagesDeps {
  tabs: TabEvents;
  /** The worker's reader gate. */
  gate: Pick<ReaderGate, 'take'>;
  /** Addresses of the pages that read as they open (their hash and query do not matter). */
  pages: readonly string[];
}

/** The lease id of a tab (page leases are random ids: no clash). */
export const tabLeaseId = (tabId: number): string => `tab:${tabId}`;

/** Whether `url` is one of `pages`, whatever its hash or query. */
function isPage(url: string | undefined, pages: readonly string[]): boolean {
  if (!url) return false;
  const bare = url.replace(/[?#].*$/s, '');
  return pages.includes(bare);
}

/** Takes a lease for every tab that starts loading one of `pages`; returns the unsubscribe. */
export function watchOpeningPages(deps: OpeningPagesDeps): () => void {
  const { gate, pages } = deps;
  const updated: UpdatedListener = (tabId, change, tab) => {
    const id = tabLeaseId(tabId);
    if (change.status === 'loading') {
      // A tab going elsewhere ends the lease its Orrery page may have had.
      if (isPage(change.url ?? tab.url, pages)) gate.take({ type: 'reading', id });
      else gate.take({ type: 'read', id });
    } else if (change.status === 'complete') {
      gate.take({ type: 'read', id });
    }
  };
  const removed: RemovedListener = (tabId) => gate.take({ type: 'read', id: tabLeaseId(tabId) });
  deps.tabs.onUpdated.addListener(updated);
  deps.tabs.onRemoved.addListener(removed);
  return () => {
    deps.tabs.onUpdated.removeListener(updated);
    deps.tabs.onRemoved.removeListener(removed);
  };
}

/** "Feeds on this page": what the current tab offers, with one click to subscribe. */
import { useEffect, useState } from 'preact/hooks';
import type { StoredFeed } from '../../lib/db/types';
import type { DiscoveredFeed } from '../../lib/discovery/types';
import { send } from '../../lib/messaging/protocol';
import { currentPageTabId } from './current-tab';

/** Props of DetectedFeeds. */
export interface DetectedFeedsProps {
  feeds: Map<string, StoredFeed> | undefined;
}

/** Lists the feeds detected on the current tab; renders nothing when there are none. */
export function DetectedFeeds({ feeds }: DetectedFeedsProps) {
  const [detected, setDetected] = useState<DiscoveredFeed[]>([]);
  const [status, setStatus] = useState<Record<string, string>>({});
  useEffect(() => {
    void currentPageTabId().then(async (tabId) => {
      if (tabId !== undefined) setDetected(await send({ type: 'get-tab-feeds', tabId }));
    });
  }, []);
  if (detected.length === 0) return null;
  const subscribed = new Set([...(feeds?.values() ?? [])].map((f) => f.url));
  const subscribe = async (f: DiscoveredFeed) => {
    setStatus((s) => ({ ...s, [f.url]: 'Subscribing…' }));
    const r = await send({ type: 'subscribe', url: f.url, ...(f.title ? { title: f.title } : {}) });
    setStatus((s) => ({ ...s, [f.url]: r.ok ? 'Subscribed' : r.error }));
  };
  return (
    <section aria-labelledby="detected-h">
      <h2 id="detected-h">Feeds on this page</h2>
      <ul>
        {detected.map((f) => (
          <li class="detected" key={f.url} data-testid="detected-feed">
            <span class="name" title={f.url}>
              {f.title ?? f.url} <span class="muted">({f.type === 'unknown' ? 'feed' : f.type.toUpperCase()})</span>
            </span>
            {subscribed.has(f.url) || status[f.url] === 'Subscribed' ? (
              <span class="muted">Subscribed</span>
            ) : (
              <button type="button" data-testid="subscribe-detected" onClick={() => void subscribe(f)} aria-label={`Subscribe to ${f.title ?? f.url}`}>
                Subscribe
              </button>
            )}
            {status[f.url] && status[f.url] !== 'Subscribed' && <span role="status" class="muted">{status[f.url]}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

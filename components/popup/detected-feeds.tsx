/**
 * "Feeds on this page": what the current tab offers (or the tab itself, when it shows a raw
 * feed), each with a preview (grade and latest posts) and one click to subscribe; already
 * subscribed feeds are marked. "Look for feeds" probes the usual addresses, on request only.
 * A feed the page names on another site or on a private/local address is fetched (previewed or
 * subscribed) only after the reader confirms it: a page must not make Orrery read an intranet.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { StoredFeed } from '../../lib/db/types';
import type { DiscoveredFeed } from '../../lib/discovery/types';
import { t, tn } from '../../lib/i18n/t';
import { send } from '../../lib/messaging/protocol';
import type { FeedPreview } from '../../lib/subscribe/types';
import { concernText, feedHostConcern } from '../../lib/tab-feeds/feed-host-concern';
import { FeedPreviewCard } from '../subscribe/feed-preview-card';
import { currentPageTab, type PageTab } from './current-tab';
import './detected-feeds.css';

/** Props of DetectedFeeds. */
export interface DetectedFeedsProps {
  feeds: Map<string, StoredFeed> | undefined;
}

type RowState =
  | { kind: 'previewing' }
  | { kind: 'preview'; preview: FeedPreview; open: boolean }
  | { kind: 'subscribing'; preview?: FeedPreview }
  | { kind: 'subscribed'; feedId: string; title: string; preview?: FeedPreview }
  | { kind: 'error'; error: string; preview?: FeedPreview; open?: boolean };

// Format names are names (not translated); a feed of unknown format is just "feed" in the reader's words.
const FORMAT: Record<Exclude<DiscoveredFeed['type'], 'unknown'>, string> = { rss: 'RSS', atom: 'Atom', rdf: 'RSS 1.0', json: 'JSON Feed' };
const formatName = (type: DiscoveredFeed['type']) => (type === 'unknown' ? t('detected_formatUnknown') : FORMAT[type]);

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

const toggled = (set: ReadonlySet<string>, url: string, on: boolean): ReadonlySet<string> => {
  const next = new Set(set);
  if (on) next.add(url);
  else next.delete(url);
  return next;
};

/** Lists the feeds detected on the current tab, and offers to look for more. */
export function DetectedFeeds({ feeds }: DetectedFeedsProps) {
  const [tab, setTab] = useState<PageTab | undefined>(undefined);
  const [detected, setDetected] = useState<DiscoveredFeed[]>([]);
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const [probe, setProbe] = useState<{ running: boolean; message?: string }>({ running: false });
  // Feeds on another site or a private address the reader has agreed to fetch, by URL.
  const [trusted, setTrusted] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    void currentPageTab().then(async (t) => {
      setTab(t);
      if (!t) return;
      setDetected(await send({ type: 'get-tab-feeds', tabId: t.id }));
      // The page's script reads only <link>s as pages load; asked now, it also reads the page's
      // "RSS" anchors and reports afresh (no answer: no script there, e.g. a browser page).
      const asked = await browser.tabs.sendMessage(t.id, { type: 'scan-page-feeds' }).catch(() => undefined);
      if (asked) setDetected(await send({ type: 'get-tab-feeds', tabId: t.id }));
    });
  }, []);
  const setRow = (url: string, state: RowState) => setRows((r) => ({ ...r, [url]: state }));
  const subscribedUrls = new Map([...(feeds?.values() ?? [])].map((f) => [f.url, f]));
  const isWebPage = tab?.url !== undefined && /^https?:/i.test(tab.url);
  if (!tab || (detected.length === 0 && !isWebPage)) return null;

  const togglePreview = async (f: DiscoveredFeed) => {
    const row = rows[f.url];
    if (row?.kind === 'preview') return setRow(f.url, { ...row, open: !row.open });
    setRow(f.url, { kind: 'previewing' });
    try {
      const r = await send({ type: 'preview-feed', url: f.url });
      if (r.kind === 'feed') setRow(f.url, { kind: 'preview', preview: r.preview, open: true });
      else setRow(f.url, { kind: 'error', error: r.kind === 'error' ? r.error : t('detected_notFeed') });
    } catch (err) {
      setRow(f.url, { kind: 'error', error: errorText(err) });
    }
  };

  const subscribe = async (f: DiscoveredFeed) => {
    const row = rows[f.url];
    const preview = row && 'preview' in row ? row.preview : undefined;
    setRow(f.url, { kind: 'subscribing', ...(preview ? { preview } : {}) });
    try {
      // The preview's response (if one was fetched) becomes the first fetch: no second request.
      const r = await send({ type: 'confirm-subscribe', url: f.url, ...(preview ? { token: preview.token } : {}) });
      if (r.ok) setRow(f.url, { kind: 'subscribed', feedId: r.feedId, title: r.title, preview: r.preview });
      else setRow(f.url, { kind: 'error', error: r.error, ...(preview ? { preview } : {}) });
    } catch (err) {
      setRow(f.url, { kind: 'error', error: errorText(err) });
    }
  };

  const undo = async (url: string, feedId: string) => {
    await send({ type: 'unsubscribe', feedId });
    setRows((r) => {
      const { [url]: _gone, ...rest } = r;
      return rest;
    });
  };

  const lookForMore = async () => {
    setProbe({ running: true });
    try {
      const r = await send({ type: 'probe-tab', tabId: tab.id });
      if (!r.ok) return setProbe({ running: false, message: r.error });
      setDetected(r.feeds);
      setProbe({ running: false, message: r.found ? tn('detected_foundMore', r.found) : t('detected_noneFound') });
    } catch (err) {
      setProbe({ running: false, message: errorText(err) });
    }
  };

  const now = Date.now();
  return (
    <section aria-labelledby="detected-h" class="detected-feeds">
      <h2 id="detected-h">{t('detected_heading')}</h2>
      {detected.length === 0 && <p class="muted">{t('detected_noFeed')}</p>}
      <ul>
        {detected.map((f, i) => {
          const row = rows[f.url];
          // The tab showing the feed itself was the reader's own choice; anything a page names elsewhere is asked about first.
          const concern = f.source === 'self' ? undefined : feedHostConcern(f.url, tab.url);
          const blocked = concern !== undefined && !trusted.has(f.url);
          const warningId = `detected-warning-${i}`;
          const stored = subscribedUrls.get(f.url);
          const name = f.title ?? f.url;
          const preview = row && 'preview' in row ? row.preview : undefined;
          const open = row?.kind === 'preview' ? row.open : row?.kind === 'subscribed' || (row?.kind === 'error' && row.open !== false && preview !== undefined);
          return (
            <li class="detected" key={f.url} data-testid="detected-feed" data-feed-url={f.url}>
              <div class="detected-line">
                <span class="name" title={f.url}>
                  {f.source === 'self' && <span class="muted">{t('detected_pageIsFeed')} </span>}
                  {f.source === 'download' && <span class="muted">{t('detected_downloaded')} </span>}
                  {name} <span class="muted">({formatName(f.type)})</span>
                  {f.source === 'probe' && <span class="muted"> · {t('detected_foundAt', { path: new URL(f.url).pathname })}</span>}
                </span>
                {stored || row?.kind === 'subscribed' ? (
                  <span class="subscribed-mark" data-testid="detected-subscribed">
                    ✓ {t('detected_subscribed')}
                    {row?.kind === 'subscribed' && (
                      <>
                        {' '}
                        <button type="button" class="small" onClick={() => void undo(f.url, row.feedId)} aria-label={t('detected_undoLabel', { title: row.title })}>
                          {t('common_undo')}
                        </button>
                      </>
                    )}
                  </span>
                ) : (
                  <span class="detected-actions">
                    <button
                      type="button"
                      class="small"
                      aria-expanded={row?.kind === 'preview' ? row.open : false}
                      onClick={() => void togglePreview(f)}
                      disabled={blocked || row?.kind === 'previewing' || row?.kind === 'subscribing'}
                      aria-describedby={concern ? warningId : undefined}
                      aria-label={t('detected_previewLabel', { name })}
                      data-testid="preview-detected"
                    >
                      {row?.kind === 'previewing' ? t('detected_reading') : t('detected_preview')}
                    </button>
                    <button type="button" class="primary small" data-testid="subscribe-detected" onClick={() => void subscribe(f)} disabled={blocked || row?.kind === 'subscribing'} aria-describedby={concern ? warningId : undefined} aria-label={t('detected_subscribeLabel', { name })}>
                      {row?.kind === 'subscribing' ? t('detected_subscribing') : t('detected_subscribe')}
                    </button>
                  </span>
                )}
              </div>
              {concern && !stored && row?.kind !== 'subscribed' && (
                <p class="detected-warning" data-testid="detected-warning" data-concern={concern.kind} id={warningId}>
                  {concernText(concern)}.{' '}
                  <label>
                    <input type="checkbox" data-testid="trust-detected" checked={!blocked} onChange={(e) => setTrusted((t) => toggled(t, f.url, e.currentTarget.checked))} />{' '}
                    {concern.kind === 'private' ? t('detected_fetchAnyway') : t('detected_trustIt')}
                  </label>
                </p>
              )}
              {row?.kind === 'error' && (
                <p class="error" role="alert">
                  {row.error}
                </p>
              )}
              {open && preview && <FeedPreviewCard preview={preview} now={now} compact />}
            </li>
          );
        })}
      </ul>
      {isWebPage && (
        <p class="probe">
          <button type="button" class="small" onClick={() => void lookForMore()} disabled={probe.running} data-testid="probe-feeds">
            {probe.running ? t('detected_looking') : detected.length ? t('detected_lookMore') : t('detected_lookUsual')}
          </button>{' '}
          <span class="muted" role="status">
            {probe.message}
          </span>
        </p>
      )}
    </section>
  );
}

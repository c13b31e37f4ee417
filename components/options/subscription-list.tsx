/**
 * Every subscription with its health (last fetch, status, next check, 304s and bytes saved,
 * posts), grouped by folder, filterable; edit in place; unsubscribe with undo.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { StoredFeed } from '../../lib/db/types';
import { formatNumber, t, tn, type MessageKey } from '../../lib/i18n/t';
import { uiLocale } from '../../lib/i18n/ui-locale';
import { send } from '../../lib/messaging/protocol';
import { isFailing } from '../../lib/subscribe/feed-report';
import type { RemovedFeed } from '../../lib/subscribe/types';
import type { FeedRow } from '../../lib/ui/patch-feed-rows';
import { useSettings } from '../use-settings';
import { FeedEditor } from './feed-editor';
import { SubscriptionRow } from './subscription-row';
import { useSubscriptionRows } from './use-subscription-rows';

/** One row's data. */
export type ListRow = FeedRow;

type Show = 'all' | 'failing' | 'new' | 'notify' | 'left';

const SHOW: { value: Show; label: MessageKey; test: (f: StoredFeed) => boolean }[] = [
  { value: 'all', label: 'options_showAll', test: () => true },
  { value: 'failing', label: 'options_showFailing', test: isFailing },
  { value: 'new', label: 'options_showNew', test: (f) => f.lastFetchAt === undefined },
  { value: 'notify', label: 'options_showNotify', test: (f) => f.notify === true },
  { value: 'left', label: 'options_showLeft', test: (f) => f.leftPlanet !== undefined },
];

function matches(f: StoredFeed, q: string): boolean {
  if (!q) return true;
  return `${f.title}\n${f.url}\n${f.siteUrl ?? ''}\n${f.folder}`.toLowerCase().includes(q);
}

/** Rows grouped by folder (named folders A→Z, then feeds without one). */
/** Rows per chunk of the table, each chunk skipped whole off screen (a screenful of rows or so). */
const ROWS_PER_CHUNK = 16;

/** `items` cut into runs of `size`, the last one shorter. */
export function chunksOf<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupByFolder(rows: ListRow[]): [string, ListRow[]][] {
  const groups = new Map<string, ListRow[]>();
  for (const r of rows) {
    const group = groups.get(r.feed.folder);
    if (group) group.push(r);
    else groups.set(r.feed.folder, [r]);
  }
  return [...groups].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, uiLocale())));
}

/** The subscriptions table. */
export function SubscriptionList() {
  const { value, error, reload } = useSubscriptionRows();
  const settings = useSettings();
  const [query, setQuery] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [undo, setUndo] = useState<{ removed: RemovedFeed; title: string } | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const undoButton = useRef<HTMLButtonElement>(null);
  const filterInput = useRef<HTMLInputElement>(null);
  const latestUnsubscribe = useRef<(feed: StoredFeed) => void>(() => undefined);
  const onUnsubscribe = useMemo(() => (feed: StoredFeed) => latestUnsubscribe.current(feed), []);
  const onEdit = useMemo(() => (feed: StoredFeed) => setEditing((e) => (e === feed.id ? undefined : feed.id)), []);
  const now = Date.now();

  const q = query.trim().toLowerCase();
  const test = SHOW.find((s) => s.value === show)?.test ?? (() => true);
  const shown = useMemo(() => (value ?? []).filter((r) => test(r.feed) && matches(r.feed, q)), [value, q, show]);
  const groups = useMemo(() => groupByFolder(shown), [shown]);

  if (error)
    return (
      <p class="error" role="alert">
        {t('options_readFailed', { error })}
      </p>
    );
  if (!value) return <p class="muted">{t('options_loading')}</p>;

  const failing = value.filter((r) => isFailing(r.feed)).length;

  // The rows are memoized on their data: their handlers must not change between renders.
  latestUnsubscribe.current = (feed) => void unsubscribe(feed);
  const unsubscribe = async (feed: StoredFeed) => {
    setNotice(undefined);
    const r = await send({ type: 'unsubscribe', feedId: feed.id });
    if (r.removed) {
      setUndo({ removed: r.removed, title: feed.title });
      // The row is gone: keep the keyboard where the next step is.
      setTimeout(() => undoButton.current?.focus(), 0);
    }
    reload();
  };
  const restore = async () => {
    if (!undo) return;
    const r = await send({ type: 'restore-feed', removed: undo.removed });
    setNotice(r.ok ? t('options_restored', { title: undo.title }) : (r.error ?? t('error_notRestored')));
    setUndo(undefined);
    reload();
    filterInput.current?.focus();
  };

  return (
    <div class="subscriptions">
      <div class="list-tools">
        <label class="field grow">
          <span>{t('options_filter')}</span>
          <input ref={filterInput} type="search" placeholder={t('options_filterPlaceholder')} value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} data-testid="subscription-filter" />
        </label>
        <label class="field">
          <span>{t('options_show')}</span>
          <select value={show} onChange={(e) => setShow((e.target as HTMLSelectElement).value as Show)} data-testid="subscription-show">
            {SHOW.map((s) => (
              <option key={s.value} value={s.value}>
                {s.value === 'failing' ? t('options_showFailingCount', { count: failing }) : t(s.label)}
              </option>
            ))}
          </select>
        </label>
        <p class="muted list-count" aria-live="polite">
          {shown.length === value.length ? tn('options_subscriptionCount', value.length) : tn('options_subscriptionsShown', value.length, { shown: shown.length })}
          {failing > 0 && (
            <>
              {' · '}
              <button type="button" class="link" onClick={() => setShow('failing')}>
                {tn('options_failingCount', failing)}
              </button>
            </>
          )}
        </p>
      </div>
      <div class="undo-bar" aria-live="polite">
        {undo && (
          <p role="status">
            {t('options_unsubscribed', { title: undo.title })}{' '}
            <button type="button" ref={undoButton} onClick={() => void restore()} data-testid="undo-unsubscribe">
              {t('options_undo')}
            </button>
          </p>
        )}
        {notice && <p role="status">{notice}</p>}
      </div>
      {value.length === 0 ? (
        <p class="muted">{t('options_noSubscriptions')}</p>
      ) : shown.length === 0 ? (
        <p class="muted">{t('options_noMatch')}</p>
      ) : (
        <div class="table-wrap">
          {/* A table in roles, laid out row by row: an HTML table lays out all 545 rows again whenever one cell changes (70-115 ms), a row of its own grid only itself, and not at all off screen. */}
          <div role="table" class="subs-table" aria-label={t('options_tableLabel')}>
            <div role="rowgroup" class="subs-head">
              <div role="row" class="subs-row">
                <span role="columnheader">{t('options_colFeed')}</span>
                <span role="columnheader">{t('options_colStatus')}</span>
                <span role="columnheader">{t('options_colLastFetch')}</span>
                <span role="columnheader">{t('options_colNextFetch')}</span>
                <span role="columnheader">{t('options_colNotModified')}</span>
                <span role="columnheader">{t('options_colPosts')}</span>
                <span role="columnheader">
                  <span class="sr-only">{t('options_colActions')}</span>
                </span>
              </div>
            </div>
            {groups.map(([folder, rows]) => (
              <div role="rowgroup" key={folder} data-testid="folder-group" data-folder={folder}>
                <div role="row" class="folder-row">
                  <span role="rowheader" aria-colspan={7}>
                    <bdi>{folder || t('options_noFolder')}</bdi> <span class="muted">({formatNumber(rows.length)})</span>
                  </span>
                </div>
                {chunksOf(rows, ROWS_PER_CHUNK).map((chunk, i) => (
                  // Off screen, a chunk of rows is skipped whole by style and layout: Chromium restyles every
                  // element of every page of the extension whenever another of its pages opens (a platform
                  // color change), 2,559 elements for 545 feeds in rows skipped one by one.
                  <div role="none" class="subs-chunk" key={i}>
                    {chunk.map(({ feed, posts }) => [
                      <SubscriptionRow
                        key={feed.id}
                        feed={feed}
                        posts={posts}
                        now={now}
                        editing={editing === feed.id}
                        onEdit={onEdit}
                        onUnsubscribe={onUnsubscribe}
                      />,
                      editing === feed.id && (
                        <div role="row" key={`${feed.id}-edit`} class="edit-row">
                          <div role="cell" aria-colspan={7}>
                            <FeedEditor
                              feed={feed}
                              notificationsOn={settings.notifications}
                              onClose={(saved) => {
                                setEditing(undefined);
                                if (saved) reload();
                                setTimeout(() => document.getElementById(`edit-btn-${feed.id}`)?.focus(), 0);
                              }}
                            />
                          </div>
                        </div>
                      ),
                    ])}
                  </div>
                ))}
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

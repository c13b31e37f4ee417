/**
 * Every subscription with its health (last fetch, status, next check, 304s and bytes saved,
 * posts), grouped by folder, filterable; edit in place; unsubscribe with undo.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { StoredFeed } from '../../lib/db/types';
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

const SHOW: { value: Show; label: string; test: (f: StoredFeed) => boolean }[] = [
  { value: 'all', label: 'All', test: () => true },
  { value: 'failing', label: 'Failing', test: isFailing },
  { value: 'new', label: 'Not fetched yet', test: (f) => f.lastFetchAt === undefined },
  { value: 'notify', label: 'With notifications', test: (f) => f.notify === true },
  { value: 'left', label: 'Dropped by a Planet', test: (f) => f.leftPlanet !== undefined },
];

function matches(f: StoredFeed, q: string): boolean {
  if (!q) return true;
  return `${f.title}\n${f.url}\n${f.siteUrl ?? ''}\n${f.folder}`.toLowerCase().includes(q);
}

/** Rows grouped by folder (named folders A→Z, then feeds without one). */
function groupByFolder(rows: ListRow[]): [string, ListRow[]][] {
  const groups = new Map<string, ListRow[]>();
  for (const r of rows) {
    const group = groups.get(r.feed.folder);
    if (group) group.push(r);
    else groups.set(r.feed.folder, [r]);
  }
  return [...groups].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
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

  if (error) return <p class="error" role="alert">Could not read subscriptions: {error}</p>;
  if (!value) return <p class="muted">Loading…</p>;

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
    setNotice(r.ok ? `${undo.title} is back, with its posts.` : (r.error ?? 'It could not be restored.'));
    setUndo(undefined);
    reload();
    filterInput.current?.focus();
  };

  return (
    <div class="subscriptions">
      <div class="list-tools">
        <label class="field grow">
          <span>Filter</span>
          <input ref={filterInput} type="search" placeholder="Name, address or folder" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} data-testid="subscription-filter" />
        </label>
        <label class="field">
          <span>Show</span>
          <select value={show} onChange={(e) => setShow((e.target as HTMLSelectElement).value as Show)} data-testid="subscription-show">
            {SHOW.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
                {s.value === 'failing' ? ` (${failing})` : ''}
              </option>
            ))}
          </select>
        </label>
        <p class="muted list-count" aria-live="polite">
          {shown.length === value.length ? `${value.length} subscriptions` : `${shown.length} of ${value.length} subscriptions`}
          {failing > 0 && (
            <>
              {' · '}
              <button type="button" class="link" onClick={() => setShow('failing')}>
                {failing} failing
              </button>
            </>
          )}
        </p>
      </div>
      <div class="undo-bar" aria-live="polite">
        {undo && (
          <p role="status">
            Unsubscribed from <strong>{undo.title}</strong>.{' '}
            <button type="button" ref={undoButton} onClick={() => void restore()} data-testid="undo-unsubscribe">
              Undo
            </button>
          </p>
        )}
        {notice && <p role="status">{notice}</p>}
      </div>
      {value.length === 0 ? (
        <p class="muted">No subscriptions yet: add a feed above, or import an OPML file.</p>
      ) : shown.length === 0 ? (
        <p class="muted">No subscription matches.</p>
      ) : (
        <div class="table-wrap">
          {/* A table in roles, laid out row by row: an HTML table lays out all 545 rows again whenever one cell changes (70-115 ms), a row of its own grid only itself, and not at all off screen. */}
          <div role="table" class="subs-table" aria-label="Subscriptions, grouped by folder">
            <div role="rowgroup" class="subs-head">
              <div role="row" class="subs-row">
                <span role="columnheader">Feed</span>
                <span role="columnheader">Status</span>
                <span role="columnheader">Last fetch</span>
                <span role="columnheader">Next fetch</span>
                <span role="columnheader">Not modified</span>
                <span role="columnheader">Posts</span>
                <span role="columnheader">
                  <span class="sr-only">Actions</span>
                </span>
              </div>
            </div>
            {groups.map(([folder, rows]) => (
              <div role="rowgroup" key={folder} data-testid="folder-group" data-folder={folder}>
                <div role="row" class="folder-row">
                  <span role="rowheader" aria-colspan={7}>
                    {folder || 'No folder'} <span class="muted">({rows.length})</span>
                  </span>
                </div>
                {rows.map(({ feed, posts }) => [
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
        </div>
      )}
    </div>
  );
}

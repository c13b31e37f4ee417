/** The sidebar: everything, each folder (a scope of its own), and each feed with its unread count and health. */
import { memo } from 'preact/compat';
import { useState } from 'preact/hooks';
import type { StoredFeed } from '../../lib/db/types';
import { formatNumber, t, tn } from '../../lib/i18n/t';
import { feedHealth, healthText } from '../../lib/ui/feed-health';

/** What the river shows. */
export type Scope = { kind: 'all' } | { kind: 'folder'; folder: string } | { kind: 'feed'; feedId: string };

/** Props of Sidebar. */
export interface SidebarProps {
  feeds: StoredFeed[];
  counts: Map<string, number>;
  total: number;
  scope: Scope;
  onScope: (scope: Scope) => void;
}

const Count = ({ n }: { n: number }) => (
  <>
    <span class="count" data-testid="unread-count" data-zero={String(n === 0)}>
      {formatNumber(n)}
    </span>
    <span class="sr-only"> {t('common_unread')}</span>
  </>
);

interface FeedRowProps {
  feed: StoredFeed;
  n: number;
  current: boolean;
  onScope: (scope: Scope) => void;
  /** The minute the row's "fetched … ago" is told at. */
  minute: number;
}

/**
 * One feed of the tree. Memoized: a refresh patches a few feeds every few seconds (the others
 * keep their objects, lib/ui/patch-feeds.ts), and rendering all 545 rows of Planet Python again
 * each time was most of the timeline's CPU while a first refresh ran.
 */
// `minute` is not read: a new minute is what makes a memoized row tell its age again.
const FeedRow = memo(function FeedRow({ feed: f, n, current, onScope }: FeedRowProps) {
  const health = feedHealth(f);
  return (
    <li data-testid="feed-list-item" data-feed-url={f.url} data-health={health}>
      <button
        type="button"
        class="scope"
        aria-current={current ? 'true' : undefined}
        onClick={() => onScope({ kind: 'feed', feedId: f.id })}
        title={t('timeline_feedHealth', { title: f.title, health: healthText(f, Date.now()) })}
      >
        <span class={`health health-${health}`} aria-hidden="true" />
        <span class="name" dir="auto">{f.title}</span>
        {health !== 'ok' && <span class="sr-only">({t(health === 'new' ? 'timeline_srNew' : health === 'gone' ? 'timeline_srGone' : 'timeline_srFailing')})</span>}
        <Count n={n} />
      </button>
    </li>
  );
});

/** Lists folders and feeds; the current scope is marked with aria-current. */
export const Sidebar = memo(SidebarView);

function SidebarView({ feeds, counts, total, scope, onScope }: SidebarProps) {
  const folders = new Map<string, StoredFeed[]>();
  for (const f of feeds) {
    const list = folders.get(f.folder) ?? [];
    list.push(f);
    folders.set(f.folder, list);
  }
  const [closed, setClosed] = useState<ReadonlySet<string>>(() => new Set([...folders].filter(([, l]) => l.length >= 60).map(([f]) => f)));
  const toggle = (folder: string) =>
    setClosed((c) => {
      const next = new Set(c);
      if (next.has(folder)) next.delete(folder);
      else next.add(folder);
      return next;
    });
  // Rows say how long ago their feed was fetched: to the minute, so a row re-renders when its
  // feed, its count or its being current changes, or at most once a minute.
  const minute = Math.floor(Date.now() / 60_000);
  return (
    <nav class="sidebar" aria-label={t('timeline_feedsAndFolders')}>
      <ul class="tree">
        <li>
          <button type="button" class="scope scope-all" aria-current={scope.kind === 'all' ? 'true' : undefined} onClick={() => onScope({ kind: 'all' })}>
            <span class="name">{t('timeline_allFeeds')}</span> <Count n={total} />
          </button>
        </li>
        {[...folders].map(([folder, list]) => {
          const unread = list.reduce((n, f) => n + (counts.get(f.id) ?? 0), 0);
          const name = folder || t('common_noFolder');
          const open = !closed.has(folder);
          const failing = list.filter((f) => feedHealth(f) === 'failing' || feedHealth(f) === 'gone').length;
          return (
            <li class="folder" key={folder}>
              <div class="folder-row">
                <button type="button" class="twisty" aria-expanded={open ? 'true' : 'false'} aria-label={t(open ? 'timeline_hideFeedsOf' : 'timeline_showFeedsOf', { folder: name })} onClick={() => toggle(folder)}>
                  {open ? '▾' : '▸'}
                </button>
                <button
                  type="button"
                  class="scope"
                  data-testid="folder-scope"
                  aria-current={scope.kind === 'folder' && scope.folder === folder ? 'true' : undefined}
                  onClick={() => onScope({ kind: 'folder', folder })}
                  title={failing ? tn('timeline_folderFailing', list.length, { failing }) : tn('timeline_folderFeeds', list.length)}
                >
                  <span class="name" dir="auto">{name}</span> <Count n={unread} />
                </button>
              </div>
              <ul hidden={!open}>
                {list.map((f) => (
                  <FeedRow key={f.id} feed={f} n={counts.get(f.id) ?? 0} current={scope.kind === 'feed' && scope.feedId === f.id} onScope={onScope} minute={minute} />
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

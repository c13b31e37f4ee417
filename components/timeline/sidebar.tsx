/** The sidebar: everything, folders, and feeds with unread counts and health. */
import type { StoredFeed } from '../../lib/db/types';

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

/** Lists folders and feeds; the current scope is marked. */
export function Sidebar({ feeds, counts, total, scope, onScope }: SidebarProps) {
  const folders = new Map<string, StoredFeed[]>();
  for (const f of feeds) {
    const list = folders.get(f.folder) ?? [];
    list.push(f);
    folders.set(f.folder, list);
  }
  const count = (n: number) => (
    <span class="count" data-testid="unread-count" data-zero={String(n === 0)}>
      {n}
    </span>
  );
  const isFeed = (id: string) => scope.kind === 'feed' && scope.feedId === id;
  return (
    <nav class="sidebar" aria-label="Feeds">
      <button type="button" class="scope-all" aria-current={scope.kind === 'all' ? 'true' : undefined} onClick={() => onScope({ kind: 'all' })}>
        <span>All feeds</span> {count(total)}
      </button>
      {[...folders].map(([folder, list]) => {
        const unread = list.reduce((n, f) => n + (counts.get(f.id) ?? 0), 0);
        return (
          <details class="folder" key={folder} open={list.length < 60 || undefined}>
            <summary>
              <span class="folder-name">{folder || 'No folder'}</span> {count(unread)}
            </summary>
            <ul>
              {list.map((f) => {
                const n = counts.get(f.id) ?? 0;
                const failing = f.errorCount > 0 || f.state === 'gone';
                return (
                  <li key={f.id} data-testid="feed-list-item" data-feed-url={f.url} class={failing ? 'failing' : undefined}>
                    <button type="button" aria-current={isFeed(f.id) ? 'true' : undefined} onClick={() => onScope({ kind: 'feed', feedId: f.id })}>
                      <span class="feed-title">{f.title}</span>
                      {failing && (
                        <span class="health" title={f.lastMessage ?? 'failing'} aria-label={`failing: ${f.lastMessage ?? ''}`}>
                          !
                        </span>
                      )}
                      {count(n)}
                    </button>
                  </li>
                );
              })}
            </ul>
          </details>
        );
      })}
    </nav>
  );
}

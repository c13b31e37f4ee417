/** The timeline's top bar: search, view and filter switches, mark read, refresh, shortcuts, settings. */
import type { Ref } from 'preact';
import { browser } from 'wxt/browser';
import type { PostQuery } from '../../lib/db/queries';
import { RefreshButton } from '../refresh-button';
import type { ViewMode } from './entry';

/** The river's filter. */
export type Filter = PostQuery['filter'];

/** Props of Toolbar. */
export interface ToolbarProps {
  search: string;
  searchRef: Ref<HTMLInputElement>;
  searchStatus: string;
  /** The query the status (and the river) answer. */
  searchAnswered: string;
  onSearch: (q: string) => void;
  onSearchFocus: () => void;
  onSearchEscape: () => void;
  view: ViewMode;
  onView: (v: ViewMode) => void;
  filter: Filter;
  onFilter: (f: Filter) => void;
  markLabel: string;
  onMarkScope: () => void;
  onHelp: () => void;
  sidebarOpen: boolean;
  onSidebar: () => void;
}

function Switch<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: [T, string, string][]; onChange: (v: T) => void }) {
  return (
    <div role="group" aria-label={label} class="switch">
      {options.map(([v, text, testid]) => (
        <button key={v} type="button" data-testid={testid} aria-pressed={v === value ? 'true' : 'false'} onClick={() => onChange(v)}>
          {text}
        </button>
      ))}
    </div>
  );
}

/** The bar; it stays on top while the river scrolls. */
export function Toolbar(p: ToolbarProps) {
  return (
    <div class="tools">
      <button type="button" class="sidebar-toggle" aria-expanded={p.sidebarOpen ? 'true' : 'false'} aria-controls="sidebar" onClick={p.onSidebar}>
        Feeds
      </button>
      <div class="search">
        <input
          ref={p.searchRef}
          type="search"
          data-testid="search-input"
          aria-label="Search every stored post"
          aria-describedby="search-status"
          placeholder="Search (/)"
          value={p.search}
          onFocus={p.onSearchFocus}
          onInput={(e) => p.onSearch((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              p.onSearchEscape();
            }
          }}
        />
        <span id="search-status" class="search-status muted" role="status" data-testid="search-status" data-query={p.searchAnswered}>
          {p.searchStatus}
        </span>
      </div>
      <Switch
        label="View"
        value={p.view}
        onChange={p.onView}
        options={[
          ['full', 'Full', 'view-full'],
          ['summary', 'Summary', 'view-summary'],
          ['titles', 'Titles', 'view-titles'],
          ['cards', 'Cards', 'view-cards'],
        ]}
      />
      <Switch
        label="Filter"
        value={p.filter}
        onChange={p.onFilter}
        options={[
          ['unread', 'Unread', 'filter-unread'],
          ['all', 'All', 'filter-all'],
          ['starred', 'Starred', 'filter-starred'],
        ]}
      />
      <button type="button" data-testid="mark-all-read" onClick={p.onMarkScope}>
        {p.markLabel}
      </button>
      <RefreshButton />
      <button type="button" class="icon" data-testid="show-shortcuts" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={p.onHelp}>
        ?
      </button>
      <a class="settings-link" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
        Settings
      </a>
    </div>
  );
}

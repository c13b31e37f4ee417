/** The timeline's top bar: search, view and filter switches, mark read, refresh, shortcuts, settings. */
import type { Ref } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n/t';
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
        {t('timeline_feeds')}
      </button>
      <div class="search">
        <input
          ref={p.searchRef}
          type="search"
          data-testid="search-input"
          aria-label={t('timeline_searchLabel')}
          aria-describedby="search-status"
          placeholder={t('timeline_searchPlaceholder')}
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
        label={t('timeline_view')}
        value={p.view}
        onChange={p.onView}
        options={[
          ['full', t('timeline_viewFull'), 'view-full'],
          ['summary', t('timeline_viewSummary'), 'view-summary'],
          ['titles', t('timeline_viewTitles'), 'view-titles'],
          ['cards', t('timeline_viewCards'), 'view-cards'],
        ]}
      />
      <Switch
        label={t('timeline_filter')}
        value={p.filter}
        onChange={p.onFilter}
        options={[
          ['unread', t('timeline_filterUnread'), 'filter-unread'],
          ['all', t('timeline_filterAll'), 'filter-all'],
          ['starred', t('timeline_filterStarred'), 'filter-starred'],
        ]}
      />
      <button type="button" data-testid="mark-all-read" onClick={p.onMarkScope}>
        {p.markLabel}
      </button>
      <RefreshButton />
      <button type="button" class="icon" data-testid="show-shortcuts" aria-label={t('timeline_shortcuts')} title={t('timeline_shortcutsTitle')} onClick={p.onHelp}>
        ?
      </button>
      <a class="settings-link" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
        {t('common_settings')}
      </a>
    </div>
  );
}

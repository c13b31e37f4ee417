/** The full-page river: sidebar of scopes, top bar (search, view, filter, actions), the windowed river, the player. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { StoredFeed, StoredPost } from '../../lib/db/types';
import { t, tn } from '../../lib/i18n/t';
import { send } from '../../lib/messaging/protocol';
import { audioEnclosure } from '../../lib/ui/audio-enclosure';
import { endReadLease } from '../../lib/ui/end-read-lease';
import { webUrlOrUndefined } from '../../lib/util/web-url';
import { PlayerProvider, usePlayerInstance } from '../player/player-context';
import { startRefresh } from '../refresh-button';
import { useLiveQuery } from '../use-live-query';
import { lazyPart } from '../lazy-part';
import { useSameUnless } from '../use-same-unless';
import { useSettings } from '../use-settings';
import { notWebLinkText } from '../web-link';
import type { ViewMode } from './entry';
import { HiddenByRules } from './hidden-by-rules';
import { NoticeBar } from './notice';
import { River } from './river';
import { keyOf, keysSource, querySource } from './river-source';
import { ScopeHeader } from './scope-header';
import { loadSide, patchSide } from './side-data';
import type { Scope } from './sidebar';
import { Toolbar, type Filter } from './toolbar';
import { useMarkOnScroll } from './use-mark-on-scroll';
import { useReadActions } from './use-read-actions';
import { preloadFirstPage, useRiver } from './use-river';
import { articleOf, useRiverKeys } from './use-river-keys';
import { useSearch } from './use-search';
import { readHashScope, writeHashScope } from './scope-hash';

// Not part of the first screen: each is its own chunk, loaded when it first shows (the sidebar
// once the first posts are on screen, the dock then too, the shortcuts at the first "?").
const Sidebar = lazyPart(() => import('./sidebar').then((m) => m.Sidebar), 'the sidebar');
const PlayerDock = lazyPart(() => import('../player/player-dock').then((m) => m.PlayerDock), 'the player dock');
const ShortcutsDialog = lazyPart(() => import('./shortcuts-dialog').then((m) => m.ShortcutsDialog), 'the shortcuts dialog');

/** What the sidebar shows of the feeds (not when each was fetched: polls change that every time). */
const sidebarKey = (feeds: StoredFeed[] | undefined) =>
  (feeds ?? []).map((f) => [f.id, f.title, f.folder, f.url, f.state, f.errorCount, f.lastFetchAt === undefined, f.lastMessage ?? ''].join('\u0001')).join('\u0002');
/** What the river shows of the feeds. */
const riverKey = (feeds: StoredFeed[] | undefined) => (feeds ?? []).map((f) => [f.id, f.title, f.siteUrl ?? ''].join('\u0001')).join('\u0002');
const countsKey = (counts: Map<string, number> | undefined) => [...(counts ?? [])].join(';');

const saved = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
  const v = localStorage.getItem(key);
  return allowed.includes(v as T) ? (v as T) : fallback;
};

const FILTERS = ['all', 'unread', 'starred'] as const;
const savedFilter = () => saved<Filter>('orrery.filter', FILTERS, 'all');

/** The river of a scope under a filter. */
const scopeSource = (scope: Scope, filter: Filter) =>
  querySource({
    filter,
    ...(scope.kind === 'feed' ? { feedId: scope.feedId } : {}),
    ...(scope.kind === 'folder' ? { folder: scope.folder } : {}),
  });

/** Starts reading the river the page opens on (address, saved filter); resolves once it is read. */
export function preloadTimeline(): Promise<void> {
  return preloadFirstPage(scopeSource(readHashScope(), savedFilter()));
}

/** About how many posts of a view fill the window: the river renders these first. */
const firstScreenPosts = (view: ViewMode): number =>
  Math.ceil(window.innerHeight / (view === 'titles' ? 26 : view === 'summary' ? 90 : view === 'cards' ? 110 : 220)) + 1;

/** The feed HTML a post shows in the full view. */
const bodyBytes = (p: StoredPost): number => (p.contentHtml ?? p.summary ?? '').length;

/** The timeline page. */
export function TimelineApp() {
  const onPlayedRef = useRef<(key: [string, string]) => void>(() => undefined);
  return (
    <PlayerProvider onPlayed={(ep) => onPlayedRef.current(ep.postKey)}>
      <Timeline onPlayedRef={onPlayedRef} />
    </PlayerProvider>
  );
}

function Timeline({ onPlayedRef }: { onPlayedRef: { current: (key: [string, string]) => void } }) {
  const settings = useSettings();
  const [scope, setScopeState] = useState<Scope>(readHashScope);
  const [filter, setFilterState] = useState<Filter>(savedFilter);
  const [view, setViewState] = useState<ViewMode>(() => saved('orrery.view', ['full', 'summary', 'titles', 'cards'], 'full'));
  const [query, setQuery] = useState('');
  const [currentKey, setCurrent] = useState<string | undefined>(undefined);
  const [help, setHelp] = useState(false);
  // The shortcuts dialog is rendered (its chunk loaded) from the first time it is asked for.
  const helpAsked = useRef(false);
  if (help) helpAsked.current = true;
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [topInset, setTopInset] = useState(64);
  const topbar = useRef<HTMLElement>(null);
  const main = useRef<HTMLElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const side = useLiveQuery(loadSide, [], undefined, patchSide);
  const search = useSearch(query);
  // The player itself, not its state: the page must not re-render as an episode plays.
  const player = usePlayerInstance();

  const searching = search.keys !== undefined;
  const source = useMemo(
    () =>
      search.keys ? keysSource(`s:${search.version}`, search.keys) : scopeSource(scope, filter),
    [search.keys, search.version, filter, scope],
  );
  // Results while typing replace the previous results in place; any other river starts with what fits the screen.
  const river = useRiver(source, {
    ...(searching ? { keepShown: true } : { firstScreen: firstScreenPosts(view) }),
    ...(view === 'full' ? { weigh: bodyBytes } : {}),
    layout: view,
  });
  const read = useReadActions({ scope, filter, searchKeys: search.keys, refresh: river.refresh, setCurrent });
  onPlayedRef.current = (key) => void send({ type: 'set-read', keys: [key], read: true });

  // A poll rewrites its feed's record: the river and the sidebar render again only when what they show changed.
  const riverFeeds = useSameUnless(side.value?.feeds, riverKey);
  const feeds = useMemo(() => new Map((riverFeeds ?? []).map((f) => [f.id, f])), [riverFeeds]);
  const sideFeeds = useSameUnless(side.value?.feeds, sidebarKey);
  const sideCounts = useSameUnless(side.value?.counts, countsKey);

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    const el = topbar.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      // A bar that scrolls away (small screens) covers nothing.
      const h = getComputedStyle(el).position === 'sticky' ? el.getBoundingClientRect().height : 0;
      setTopInset(h);
      document.documentElement.style.setProperty('--topbar-h', `${h}px`);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    if (river.ready && river.items.length) performance.mark('orrery:first-posts');
  }, [river.ready && river.items.length > 0]);
  // The first page is read: a refresh that held its commits for it may go on.
  useEffect(() => {
    if (river.ready) endReadLease();
  }, [river.ready]);
  // The sidebar (hundreds of feeds) waits until the first posts are on screen.
  const [sideShown, setSideShown] = useState(false);
  useEffect(() => {
    if (!river.ready || sideShown) return;
    const show = () => setSideShown(true);
    if (typeof requestIdleCallback !== 'function') return void setTimeout(show, 0);
    const h = requestIdleCallback(show, { timeout: 300 });
    return () => cancelIdleCallback(h);
  }, [river.ready, sideShown]);

  // One function for the (memoized) sidebar, calling the latest setScope.
  const setScopeRef = useRef<(s: Scope) => void>(() => undefined);
  const onScope = useMemo(() => (s: Scope) => setScopeRef.current(s), []);
  const setScope = (s: Scope) => {
    setScopeState(s);
    writeHashScope(s);
    setQuery('');
    setSidebarOpen(false);
    setCurrent(undefined);
    window.scrollTo(0, 0);
  };
  setScopeRef.current = setScope;
  const setFilter = (f: Filter) => {
    setFilterState(f);
    localStorage.setItem('orrery.filter', f);
    setCurrent(undefined);
    window.scrollTo(0, 0);
  };
  const setView = (v: ViewMode) => {
    setViewState(v);
    localStorage.setItem('orrery.view', v);
    const el = currentKey ? articleOf(main.current, currentKey) : null;
    requestAnimationFrame(() => el?.scrollIntoView({ block: 'start' }));
  };

  /** A post as the reader sees it: with the changes made here that the store has not echoed yet. */
  const shownAs = (p: StoredPost | undefined): StoredPost | undefined => {
    const o = p && read.overrides.get(keyOf(p));
    return p && o ? { ...p, ...o } : p;
  };
  const openPost = (post: StoredPost | undefined) => {
    if (!post) return;
    const url = webUrlOrUndefined(post.url);
    if (url) void browser.tabs.create({ url, active: false });
    else {
      // No link, or one that is not a web address: show the post here, and say why no tab opened.
      if (!post.url) read.actions.toggleExpand(post);
      else {
        read.tell(notWebLinkText());
        if (!read.expanded.has(keyOf(post))) read.actions.toggleExpand(post);
      }
    }
    read.actions.opened(post);
  };
  useRiverKeys({
    river,
    root: main,
    currentKey,
    setCurrent,
    topInset,
    onArrive: (post) => {
      if (view === 'full' && shownAs(post)?.read === 0) read.setRead(post, true);
    },
    onEnd: () => undefined,
    act: {
      open: (p) => openPost(shownAs(p)),
      expand: (p) => p && read.actions.toggleExpand(shownAs(p)!),
      'toggle-read': (p) => p && read.actions.toggleRead(shownAs(p)!),
      star: (p) => p && read.actions.toggleStar(shownAs(p)!),
      'mark-above-read': (p, i) => p && i !== undefined && read.actions.markAbove(p, i),
      play: (p) => {
        const audio = p && audioEnclosure(p.enclosures);
        if (p && audio) void player?.toggle({ url: audio.url, title: p.title, feedTitle: feeds.get(p.feedId)?.title ?? '', postKey: [p.feedId, p.id] });
      },
      refresh: () => void startRefresh(),
      search: () => {
        searchRef.current?.focus();
        searchRef.current?.select();
      },
      help: () => setHelp(true),
    },
  });
  useMarkOnScroll(main, settings.markReadOnScroll, topInset, read.markKeysRead);

  // The dock's "show this episode's post": scroll to it, or open its feed when it is not in the river.
  const pendingShow = useRef<string | undefined>(undefined);
  const showPost = (key: [string, string]) => {
    pendingShow.current = keyOf({ feedId: key[0], id: key[1] });
    if (!articleOf(main.current, pendingShow.current)) setScope({ kind: 'feed', feedId: key[0] });
    else setCurrent(pendingShow.current);
  };
  useEffect(() => {
    const k = pendingShow.current;
    const el = k ? articleOf(main.current, k) : null;
    if (!k || !el) return;
    pendingShow.current = undefined;
    setCurrent(k);
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  });

  const scopeName =
    scope.kind === 'all' ? t('timeline_allFeeds') : scope.kind === 'folder' ? scope.folder || t('common_noFolder') : (feeds.get(scope.feedId)?.title ?? t('timeline_feed'));
  const markLabel = scope.kind === 'all' ? t('common_markAllRead') : scope.kind === 'folder' ? t('timeline_markFolderRead') : t('timeline_markFeedRead');
  const searchStatus = search.indexing !== undefined && !searching && query.trim()
    ? tn('timeline_indexing', search.indexing)
    : searching
      ? tn('timeline_postsMatch', search.keys?.length ?? 0)
      : '';
  const label = searching
    ? t('timeline_riverMatching', { query: query.trim() })
    : t(filter === 'unread' ? 'timeline_riverUnread' : filter === 'starred' ? 'timeline_riverStarred' : 'timeline_riverAll', { scope: scopeName });
  const lastUpdate = Math.max(0, ...(side.value?.feeds ?? []).map((f) => f.lastFetchAt ?? 0));

  return (
    <div class={`timeline${sidebarOpen ? ' sidebar-open' : ''}`}>
      <a class="skip-link" href="#river-main">
        {t('timeline_skipToPosts')}
      </a>
      <header class="topbar" ref={topbar}>
        <p class="brand">{t('extName')}</p>
        <Toolbar
          search={query}
          searchRef={searchRef}
          searchStatus={searchStatus}
          searchAnswered={search.answered}
          onSearch={setQuery}
          onSearchFocus={search.prepare}
          onSearchEscape={() => {
            if (query) setQuery('');
            else searchRef.current?.blur();
          }}
          view={view}
          onView={setView}
          filter={filter}
          onFilter={setFilter}
          markLabel={markLabel}
          onMarkScope={() => void read.markScope()}
          onHelp={() => setHelp(true)}
          sidebarOpen={sidebarOpen}
          onSidebar={() => setSidebarOpen((o) => !o)}
        />
      </header>
      <div class="layout">
        <div id="sidebar" class="sidebar-wrap">
          {sideShown && side.value && sideFeeds && sideCounts && <Sidebar feeds={sideFeeds} counts={sideCounts} total={side.value.total} scope={scope} onScope={onScope} />}
        </div>
        <main class="main" id="river-main" ref={main} tabIndex={-1}>
          <ScopeHeader scope={scope} name={scopeName} feed={scope.kind === 'feed' ? side.value?.feeds.find((f) => f.id === scope.feedId) : undefined} searching={searching} query={query.trim()} total={river.total} lastUpdate={lastUpdate} now={now} />
          {!searching && <HiddenByRules scope={scope} feeds={feeds} now={now} />}
          {river.newer && (
            <button type="button" class="newer primary" onClick={() => { window.scrollTo(0, 0); river.reload(); }}>
              {t('timeline_newPosts')}
            </button>
          )}
          {river.ready && river.items.length === 0 && !river.busy && (
            <p class="empty muted">
              {searching
                ? t('timeline_noMatch')
                : filter === 'unread'
                  ? t('timeline_noUnread')
                  : filter === 'starred'
                    ? t('timeline_noStarred')
                    : t('timeline_nothingYet')}
            </p>
          )}
          <River
            river={river}
            feeds={feeds}
            view={view}
            label={label}
            currentKey={currentKey}
            expanded={read.expanded}
            overrides={read.overrides}
            now={now}
            actions={read.actions}
          />
        </main>
      </div>
      <NoticeBar notice={read.notice} onDismiss={read.dismiss} />
      {sideShown && <PlayerDock onShowPost={showPost} />}
      {helpAsked.current && <ShortcutsDialog open={help} onClose={() => setHelp(false)} />}
    </div>
  );
}

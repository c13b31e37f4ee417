/** The toolbar popup: unread total, newest posts, unread by folder, feeds on this page, failing feeds, refresh. */
import { HostAccessNotice } from '../host-access-notice';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { StoredPost } from '../../lib/db/types';
import { send } from '../../lib/messaging/protocol';
import { postsChanged } from '../../lib/messaging/stored-change';
import { formatNumber, t, tn } from '../../lib/i18n/t';
import { relativeAge } from '../../lib/ui/format-time';
import { endReadLease } from '../../lib/ui/end-read-lease';
import { webUrlOrUndefined } from '../../lib/util/web-url';
import { RefreshButton } from '../refresh-button';
import { useLiveQuery } from '../use-live-query';
import { useSaveFailures } from '../use-save-failures';
import { useSettings } from '../use-settings';
import { fillParts } from '../fill-parts';
import { notWebLinkText } from '../web-link';
import { DetectedFeeds } from './detected-feeds';
import { loadPopupData, loadTotal, patchPopupData, popupDetails } from './popup-data';

const page = (path: string) => browser.runtime.getURL(path as '/timeline.html');

/** The popup page. */
export function PopupApp() {
  useSettings();
  const total = useLiveQuery(loadTotal, [], postsChanged);
  // Patched feed by feed while a refresh runs; the statuses the database refused come from the worker, apart.
  const details = useLiveQuery(loadPopupData, [], undefined, patchPopupData);
  const unsaved = useSaveFailures();
  const [undo, setUndo] = useState<{ keys: [string, string][] } | undefined>(undefined);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const now = Date.now();
  const d = useMemo(() => (details.value ? popupDetails(details.value, unsaved) : undefined), [details.value, unsaved]);
  useEffect(() => {
    if (total.value !== undefined) performance.mark('orrery:counts');
  }, [total.value !== undefined]);
  useEffect(() => {
    if (details.value !== undefined) performance.mark('orrery:details');
  }, [details.value !== undefined]);
  // The first screen is read: a refresh that held its commits for it may go on.
  const firstRead = (total.value !== undefined || total.error !== undefined) && (details.value !== undefined || details.error !== undefined);
  useEffect(() => {
    if (firstRead) endReadLease();
  }, [firstRead]);

  const [notOpened, setNotOpened] = useState<string | undefined>(undefined);
  /** Opens a post in a tab (in the background for a middle click) and marks it read; only an http(s) link becomes a tab. */
  const open = async (post: StoredPost, active = true) => {
    const url = webUrlOrUndefined(post.url);
    if (post.url && !url) {
      // A data:, javascript:, file: or chrome: link: say so here, and leave the post unread to read in the river.
      setNotOpened(`${post.feedId}/${post.id}`);
      return;
    }
    setOpened((s) => new Set(s).add(`${post.feedId}/${post.id}`));
    if (url) await browser.tabs.create({ url, active });
    await send({ type: 'set-read', keys: [[post.feedId, post.id]], read: true });
  };
  const markAll = async () => {
    const { keys } = await send({ type: 'mark-scope-read', scope: {} });
    setUndo({ keys });
  };
  const undoMark = async () => {
    if (!undo) return;
    await send({ type: 'set-read', keys: undo.keys, read: false });
    setUndo(undefined);
  };
  const unread = total.value ?? 0;
  return (
    <main class="popup">
      <header>
        <h1>{t('extName')}</h1>
        <p class="total-line">
          <span class="total" data-testid="unread-total">
            {formatNumber(unread)}
          </span>{' '}
          <span class="muted">{t('popup_unread')}</span>
        </p>
        <RefreshButton />
      </header>
      <HostAccessNotice />
      {(total.error || details.error) && (
        <p class="error" role="alert">
          {t('common_couldNotRead', { error: total.error ?? details.error ?? '' })}
        </p>
      )}
      {d?.storageFull && (
        <p class="error storage-full" role="alert" data-testid="storage-full">
          {fillParts(t('popup_storageFull'), {
            settings: (
              <a href={page('/options.html')} target="_blank" rel="noopener">
                {t('common_settings')}
              </a>
            ),
          })}
        </p>
      )}
      {undo && (
        <p class="undo" role="status">
          {tn('popup_markedRead', undo.keys.length)}{' '}
          <button type="button" data-testid="undo" onClick={() => void undoMark()}>
            {t('common_undo')}
          </button>
        </p>
      )}
      <DetectedFeeds feeds={d?.feeds} />
      <section aria-labelledby="recent-h">
        <h2 id="recent-h">{d && !d.recentUnread ? t('popup_recentPosts') : t('popup_newestUnread')}</h2>
        {d && d.recent.length === 0 && <p class="muted">{t('popup_noPosts')}</p>}
        <ul>
          {d?.recent.map((post) => {
            const key = `${post.feedId}/${post.id}`;
            const read = post.read === 1 || opened.has(key);
            const url = webUrlOrUndefined(post.url);
            const label = (
              <>
                <span class="title">
                  <bdi>{post.title || t('common_untitled')}</bdi>
                </span>
                {post.highlightBy && (
                  <span class="highlight-mark" data-testid="recent-highlight">
                    {t('common_highlighted')}
                  </span>
                )}
                <span class="meta">
                  <bdi>{d.feeds.get(post.feedId)?.title ?? ''}</bdi> · {relativeAge(post.sortKey, now)}
                </span>
              </>
            );
            return (
              <li class={`recent${post.highlightBy ? ' highlighted' : ''}`} key={key} data-testid="recent-entry" data-read={String(read)}>
                {url ? (
                  <a
                    href={url}
                    onClick={(e) => {
                      e.preventDefault();
                      void open(post);
                    }}
                    onAuxClick={(e) => {
                      // A middle click opens it in the background, and reads it like a click does.
                      if (e.button !== 1) return;
                      e.preventDefault();
                      void open(post, false);
                    }}
                  >
                    {label}
                  </a>
                ) : (
                  // No web link to follow: a button, never a dead or dangerous link.
                  <button type="button" class="recent-open" aria-describedby={notOpened === key ? 'not-opened' : undefined} onClick={() => void open(post)}>
                    {label}
                  </button>
                )}
                {notOpened === key && (
                  <p class="error" role="alert" id="not-opened" data-testid="link-not-opened">
                    {notWebLinkText()}{' '}
                    <a href={page(`/timeline.html#${new URLSearchParams({ feed: post.feedId })}`)} target="_blank" rel="noopener">
                      {t('popup_readInRiver')}
                    </a>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      {d && d.groups.length > 0 && (
        <section aria-labelledby="groups-h">
          <h2 id="groups-h">{d.groups[0]?.kind === 'folder' ? t('popup_unreadByFolder') : t('popup_unreadByFeed')}</h2>
          <ul class="groups">
            {d.groups.slice(0, 8).map((g) => (
              <li key={g.id} data-testid="unread-group">
                <a href={page(`/timeline.html#${new URLSearchParams({ [g.kind]: g.id })}`)} target="_blank" rel="noopener">
                  <bdi class="name">{g.label}</bdi>
                  <span class="count" data-testid="unread-count">
                    {formatNumber(g.unread)}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {d && d.failing.length > 0 && (
        <section aria-labelledby="failing-h" class="failing">
          <h2 id="failing-h">
            {tn('popup_feedsFailing', d.failing.length)}
          </h2>
          <ul>
            {d.failing.slice(0, 3).map((f) => (
              <li key={f.id} data-testid="failing-feed">
                {f.title} <span class="muted">({f.lastMessage ?? (f.state === 'gone' ? t('popup_failGone') : t('popup_failError'))})</span>
              </li>
            ))}
          </ul>
          <a href={page('/options.html')} target="_blank" rel="noopener">
            {t('popup_seeInSettings')}
          </a>
        </section>
      )}
      <footer>
        <a data-testid="open-timeline" href={page('/timeline.html')} target="_blank" rel="noopener">
          {t('popup_openRiver')}
        </a>
        <a data-testid="open-settings" href={page('/options.html')} target="_blank" rel="noopener">
          {t('common_settings')}
        </a>
        {unread > 0 && (
          <button type="button" data-testid="mark-all-read" onClick={() => void markAll()}>
            {t('common_markAllRead')}
          </button>
        )}
      </footer>
    </main>
  );
}

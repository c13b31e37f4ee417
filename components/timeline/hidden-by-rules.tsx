/** "N posts hidden by rules: show them": what mute rules took out of this river, listed on demand. */
import { useRef, useState } from 'preact/hooks';
import type { Db } from '../../lib/db/open-db';
import type { StoredFeed } from '../../lib/db/types';
import { t, tn } from '../../lib/i18n/t';
import { postsChanged, type StoredChange } from '../../lib/messaging/stored-change';
import { countHidden, listHidden, type FeedFilter } from '../../lib/rules/hidden-posts';
import { readRules } from '../../lib/rules/rule-store';
import { agoText, fullTime } from '../../lib/ui/format-time';
import { useLiveQuery } from '../use-live-query';
import { fillParts } from '../fill-parts';
import { WebLink } from '../web-link';
import type { Scope } from './sidebar';

function feedFilter(scope: Scope, feeds: Map<string, StoredFeed>): FeedFilter {
  if (scope.kind === 'feed') return (id) => id === scope.feedId;
  if (scope.kind === 'folder') return (id) => feeds.get(id)?.folder === scope.folder;
  return undefined;
}

async function loadList(db: Db, inScope: FeedFilter) {
  const [posts, rules] = await Promise.all([listHidden(db, inScope), readRules(db)]);
  return { posts, rules: new Map(rules.map((r) => [r.id, r])) };
}

/** The count of posts rules hid in this scope, and the list when the reader asks. */
export function HiddenByRules({ scope, feeds, now }: { scope: Scope; feeds: Map<string, StoredFeed>; now: number }) {
  const [open, setOpen] = useState(false);
  const scopeKey = scope.kind === 'all' ? '' : scope.kind === 'feed' ? scope.feedId : `/${scope.folder}`;
  // The feeds of a folder scope: a poll renaming a feed (every feed's first) changes nothing here.
  const members = scope.kind === 'folder' ? [...feeds.values()].filter((f) => f.folder === scope.folder).map((f) => f.id).join('\u0001') : '';
  const inScope = feedFilter(scope, feeds);
  // Rules change with an "everything changed"; without rules and with nothing hidden, polls hide
  // nothing and there is nothing for them to remove: the count is not read again while a refresh runs.
  const hasRules = useLiveQuery(async (db) => (await readRules(db)).length > 0, [], (c) => c.all).value;
  const shown = useRef(0);
  const mayChange = (c: StoredChange) => c.all || (postsChanged(c) && (hasRules !== false || shown.current > 0));
  // Only the count is read with the river (keys of a sparse index); the posts when asked for.
  const count = useLiveQuery((db) => countHidden(db, inScope), [scopeKey, members], mayChange).value ?? 0;
  shown.current = count;
  const list = useLiveQuery((db) => (open ? loadList(db, inScope) : Promise.resolve(undefined)), [scopeKey, members, open], mayChange).value;
  if (count === 0) return null;
  return (
    <div class="hidden-by-rules" data-testid="hidden-by-rules">
      <span data-testid="hidden-count">
        {tn('timeline_hiddenByRules', count)}
      </span>{' '}
      <button type="button" aria-expanded={open ? 'true' : 'false'} aria-controls="hidden-list" data-testid="hidden-toggle" onClick={() => setOpen((o) => !o)}>
        {open ? t('timeline_hideThem') : t('timeline_showThem')}
      </button>
      {open && list && (
        <ul id="hidden-list" data-testid="hidden-list">
          {list.posts.map((p) => {
            const rule = p.hiddenBy ? list.rules.get(p.hiddenBy) : undefined;
            return (
              <li key={`${p.feedId}/${p.id}`} data-testid="hidden-entry">
                <WebLink href={p.url}>{p.title || t('common_untitled')}</WebLink> · {feeds.get(p.feedId)?.title ?? t('common_unknownFeed')} ·{' '}
                <time dateTime={new Date(p.sortKey).toISOString()} title={fullTime(p.sortKey)}>
                  {agoText(p.sortKey, now)}
                </time>{' '}
                <span class="muted">{rule ? fillParts(t('timeline_hiddenRule'), { pattern: <code>{rule.pattern}</code> }) : t('timeline_hiddenRuleGone')}</span>
              </li>
            );
          })}
          {count > list.posts.length && <li>{tn('timeline_andMore', count - list.posts.length)}</li>}
        </ul>
      )}
    </div>
  );
}

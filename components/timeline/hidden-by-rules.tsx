/** "N posts hidden by rules: show them": what mute rules took out of this river, on demand. */
import { useState } from 'preact/hooks';
import type { Db } from '../../lib/db/open-db';
import type { StoredFeed } from '../../lib/db/types';
import { hiddenPosts } from '../../lib/rules/hidden-posts';
import { readRules } from '../../lib/rules/rule-store';
import { agoText, fullTime } from '../../lib/ui/format-time';
import { postsChanged } from '../../lib/messaging/stored-change';
import { useLiveQuery } from '../use-live-query';
import { WebLink } from '../web-link';
import type { Scope } from './sidebar';

async function load(db: Db, scope: Scope) {
  const [hidden, rules] = await Promise.all([
    hiddenPosts(db, scope.kind === 'feed' ? { feedId: scope.feedId } : scope.kind === 'folder' ? { folder: scope.folder } : {}),
    readRules(db),
  ]);
  return { ...hidden, rules: new Map(rules.map((r) => [r.id, r])) };
}

/** The count of posts rules hid in this scope, and the list when the reader asks. */
export function HiddenByRules({ scope, feeds, now }: { scope: Scope; feeds: Map<string, StoredFeed>; now: number }) {
  const [open, setOpen] = useState(false);
  const q = useLiveQuery((db) => load(db, scope), [scope.kind === 'all' ? '' : scope.kind === 'feed' ? scope.feedId : `/${scope.folder}`], postsChanged);
  const v = q.value;
  if (!v || v.total === 0) return null;
  return (
    <div class="hidden-by-rules" data-testid="hidden-by-rules">
      <span data-testid="hidden-count">
        {v.total} post{v.total === 1 ? '' : 's'} hidden by rules.
      </span>{' '}
      <button type="button" aria-expanded={open ? 'true' : 'false'} aria-controls="hidden-list" data-testid="hidden-toggle" onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide them' : 'Show them'}
      </button>
      {open && (
        <ul id="hidden-list" data-testid="hidden-list">
          {v.posts.map((p) => {
            const rule = p.hiddenBy ? v.rules.get(p.hiddenBy) : undefined;
            return (
              <li key={`${p.feedId}/${p.id}`} data-testid="hidden-entry">
                <WebLink href={p.url}>{p.title || '(untitled)'}</WebLink> · {feeds.get(p.feedId)?.title ?? 'Unknown feed'} ·{' '}
                <time dateTime={new Date(p.sortKey).toISOString()} title={fullTime(p.sortKey)}>
                  {agoText(p.sortKey, now)}
                </time>{' '}
                <span class="muted">(rule: {rule ? <code>{rule.pattern}</code> : 'since removed; apply the rules again to show it'})</span>
              </li>
            );
          })}
          {v.total > v.posts.length && <li>… and {v.total - v.posts.length} more.</li>}
        </ul>
      )}
    </div>
  );
}

/**
 * Reading actions of the timeline: read/unread, star, expand, mark a scope or everything
 * above a post read, each shown at once (a local override) and undoable when it is bulk.
 */
import { useRef, useState } from 'preact/hooks';
import { openOrreryDb } from '../../lib/db/open-db';
import type { ReadScope } from '../../lib/db/mark-scope-read';
import type { StoredPost } from '../../lib/db/types';
import { t, tn } from '../../lib/i18n/t';
import { send } from '../../lib/messaging/protocol';
import type { EntryActions } from './entry';
import type { Notice } from './notice';
import { keyOf, readPosts } from './river-source';
import type { Filter } from './toolbar';
import type { Scope } from './sidebar';

type Override = Partial<Pick<StoredPost, 'read' | 'starred'>>;

/** What the actions need to know about the river on screen. */
export interface ReadContext {
  scope: Scope;
  filter: Filter;
  /** Search results, when searching ("above" then means above in the results). */
  searchKeys: [string, string][] | undefined;
  /** Re-reads the posts in the window. */
  refresh: () => Promise<void>;
  setCurrent: (key: string) => void;
}

/** The actions, their local overrides and the last notice. */
export interface ReadActions {
  actions: EntryActions;
  overrides: ReadonlyMap<string, Override>;
  expanded: ReadonlySet<string>;
  notice: Notice | undefined;
  dismiss: () => void;
  /** Shows a message in the notice bar. */
  tell: (text: string, undo?: () => void) => void;
  setRead: (post: StoredPost, read: boolean) => void;
  markScope: () => Promise<void>;
  markKeysRead: (keys: [string, string][]) => void;
}


/** The timeline's reading actions over the current river. */
export function useReadActions(ctx: ReadContext): ReadActions {
  const [overrides, setOverrides] = useState<ReadonlyMap<string, Override>>(new Map());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const live = useRef(ctx);
  live.current = ctx;
  const noticeId = useRef(0);

  /** The newest change made to each post and field: only the change that is still newest takes its override away. */
  const latestChange = useRef(new Map<string, number>());
  const changeId = useRef(0);
  const setOverride = (keys: string[], change: Override) =>
    setOverrides((m) => {
      const next = new Map(m);
      for (const k of keys) next.set(k, { ...next.get(k), ...change });
      return next;
    });
  const dropOverride = (keys: string[], fields: (keyof Override)[], id: number) => {
    const mine = (k: string, f: string) => latestChange.current.get(`${f} ${k}`) === id;
    setOverrides((m) => {
      const next = new Map(m);
      for (const k of keys) {
        const o = { ...next.get(k) };
        for (const f of fields) if (mine(k, f)) delete o[f];
        if (Object.keys(o).length) next.set(k, o);
        else next.delete(k);
      }
      return next;
    });
    for (const k of keys) for (const f of fields) if (mine(k, f)) latestChange.current.delete(`${f} ${k}`);
  };
  /**
   * Shows the change now; drops the override once the store has it and the window was re-read.
   * A quicker second change to the same post (m, m) keeps its own override until it too is stored.
   */
  const apply = async (keys: [string, string][], change: Override, write: () => Promise<unknown>) => {
    const ks = keys.map((k) => keyOf({ feedId: k[0], id: k[1] }));
    const fields = Object.keys(change) as (keyof Override)[];
    const id = ++changeId.current;
    for (const k of ks) for (const f of fields) latestChange.current.set(`${f} ${k}`, id);
    setOverride(ks, change);
    try {
      await write();
      await live.current.refresh();
    } finally {
      dropOverride(ks, fields, id);
    }
  };
  const tell = (text: string, undo?: () => void) => {
    noticeId.current += 1;
    setNotice({ id: noticeId.current, text, ...(undo ? { undo } : {}) });
  };
  const undoable = (keys: [string, string][]) => {
    if (keys.length === 0) {
      tell(t('timeline_nothingToMark'));
      return;
    }
    tell(tn('timeline_markedRead', keys.length), () => {
      setNotice(undefined);
      void apply(keys, { read: 0 }, () => send({ type: 'set-read', keys, read: false })).then(() => tell(tn('timeline_unreadAgain', keys.length)));
    });
  };

  const setRead = (post: StoredPost, read: boolean) => {
    void apply([[post.feedId, post.id]], { read: read ? 1 : 0 }, () => send({ type: 'set-read', keys: [[post.feedId, post.id]], read }));
  };
  const markKeysRead = (keys: [string, string][]) => {
    if (keys.length) void apply(keys, { read: 1 }, () => send({ type: 'set-read', keys, read: true }));
  };
  const scopeOf = (s: Scope): ReadScope => (s.kind === 'feed' ? { feedId: s.feedId } : s.kind === 'folder' ? { folder: s.folder } : {});

  const markScope = async () => {
    const { keys } = await send({ type: 'mark-scope-read', scope: scopeOf(live.current.scope) });
    await live.current.refresh();
    undoable(keys);
  };

  const markAbove = async (post: StoredPost, index: number) => {
    const c = live.current;
    let keys: [string, string][];
    if (c.searchKeys) {
      const above = c.searchKeys.slice(0, index);
      const unread = (await readPosts(await openOrreryDb(), above)).filter((p) => p.read === 0);
      keys = unread.map((p) => [p.feedId, p.id]);
      if (keys.length) await send({ type: 'set-read', keys, read: true });
    } else {
      const scope: ReadScope = { ...scopeOf(c.scope), above: { sortKey: post.sortKey, key: [post.feedId, post.id] }, ...(c.filter === 'starred' ? { starredOnly: true } : {}) };
      keys = (await send({ type: 'mark-scope-read', scope })).keys;
    }
    await c.refresh();
    undoable(keys);
  };

  const handlers = {
    select: (post: StoredPost) => live.current.setCurrent(keyOf(post)),
    opened: (post: StoredPost) => {
      live.current.setCurrent(keyOf(post));
      if (post.read === 0) setRead(post, true);
    },
    toggleRead: (post: StoredPost) => setRead(post, post.read === 0),
    toggleStar: (post: StoredPost) => {
      const starred = post.starred === 0;
      void apply([[post.feedId, post.id]], { starred: starred ? 1 : 0 }, () => send({ type: 'set-starred', key: [post.feedId, post.id], starred }));
    },
    toggleExpand: (post: StoredPost) => {
      const k = keyOf(post);
      const opening = !expanded.has(k);
      const next = new Set(expanded);
      if (opening) next.add(k);
      else next.delete(k);
      setExpanded(next);
      live.current.setCurrent(k);
      // Expanding a post is reading it.
      if (opening && post.read === 0) setRead(post, true);
    },
    markAbove: (post: StoredPost, index: number) => void markAbove(post, index),
  };
  const stable = useRef<EntryActions | undefined>(undefined);
  const latest = useRef(handlers);
  latest.current = handlers;
  stable.current ??= {
    select: (p) => latest.current.select(p),
    opened: (p) => latest.current.opened(p),
    toggleRead: (p) => latest.current.toggleRead(p),
    toggleStar: (p) => latest.current.toggleStar(p),
    toggleExpand: (p) => latest.current.toggleExpand(p),
    markAbove: (p, i) => latest.current.markAbove(p, i),
  };
  return { actions: stable.current, overrides, expanded, notice, dismiss: () => setNotice(undefined), tell, setRead, markScope, markKeysRead };
}

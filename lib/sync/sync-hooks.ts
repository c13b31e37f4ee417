/**
 * The sync hooks on the worker's handlers: after a page marks, stars, unsubscribes, renames
 * or moves, the change is queued for the service (IndexedDB) and a pass follows shortly.
 * Wrapping the handler map keeps the sync out of the code paths themselves.
 */
import type { Db } from '../db/open-db';
import type { SyncQueueEntry } from '../db/types';
import type { Handlers } from '../messaging/handlers';
import type { SyncService } from './create-sync';
import { enqueue, stateEntries } from './sync-queue';

/** What the hooks need. */
export interface SyncHookDeps {
  db: () => Promise<Db>;
  now: () => number;
  sync: Pick<SyncService, 'isConnected' | 'soon'>;
}

type Wrap<K extends keyof Handlers> = (base: Handlers[K]) => Handlers[K];

/** Returns the handlers with the sync hooks around those that change what syncs. */
export function withSyncHooks(handlers: Handlers, deps: SyncHookDeps): Handlers {
  const queue = async (make: (db: Db) => Promise<SyncQueueEntry[]>): Promise<void> => {
    if (!(await deps.sync.isConnected())) return;
    const db = await deps.db();
    await enqueue(db, await make(db));
    deps.sync.soon();
  };
  // A failed enqueue must not fail the user's action (it is done locally); it is logged.
  const after = (work: Promise<void>) => work.catch((err: unknown) => console.error('[orrery:sync] queue', err));

  const setRead: Wrap<'set-read'> = (base) => async (req, sender) => {
    const reply = await base(req, sender);
    await after(queue((db) => stateEntries(db, req.keys, 'read', req.read, deps.now())));
    return reply;
  };
  const setStarred: Wrap<'set-starred'> = (base) => async (req, sender) => {
    const reply = await base(req, sender);
    await after(queue((db) => stateEntries(db, [req.key], 'starred', req.starred, deps.now())));
    return reply;
  };
  const markAll: Wrap<'mark-all-read'> = (base) => async (req, sender) => {
    const reply = await base(req, sender);
    await after(queue((db) => stateEntries(db, reply.keys, 'read', true, deps.now())));
    return reply;
  };
  const markScope: Wrap<'mark-scope-read'> = (base) => async (req, sender) => {
    const reply = await base(req, sender);
    await after(queue((db) => stateEntries(db, reply.keys, 'read', true, deps.now())));
    return reply;
  };
  const unsubscribe: Wrap<'unsubscribe'> = (base) => async (req, sender) => {
    const reply = await base(req, sender);
    const feed = reply.removed?.feed;
    if (feed?.syncId) {
      const streamId = feed.syncId;
      await after(queue(async () => [{ key: `unsubscribe:${streamId}`, kind: 'unsubscribe', streamId, url: feed.url, at: deps.now() }]));
    }
    return reply;
  };
  const restore: Wrap<'restore-feed'> = (base) => async (req, sender) => {
    const feed = req.removed.feed;
    if (feed.syncId && (await deps.sync.isConnected())) {
      const db = await deps.db();
      const key = `unsubscribe:${feed.syncId}`;
      // Undo before the removal reached the service: just forget it. After: subscribe again (unlinked feeds are sent).
      if (await db.get('syncQueue', key)) await db.delete('syncQueue', key);
      else {
        const copy = { ...feed };
        delete copy.syncId;
        req = { ...req, removed: { ...req.removed, feed: copy } };
      }
    }
    const reply = await base(req, sender);
    if (reply.ok && (await deps.sync.isConnected())) deps.sync.soon();
    return reply;
  };
  const update: Wrap<'update-feed'> = (base) => async (req, sender) => {
    const db = await deps.db();
    const before = await db.get('feeds', req.feedId);
    const reply = await base(req, sender);
    const after2 = reply.ok ? await db.get('feeds', req.feedId) : undefined;
    const streamId = before?.syncId;
    if (before && after2 && streamId && (after2.title !== before.title || after2.folder !== before.folder)) {
      await after(
        queue(async (qdb) => {
          const key = `edit:${streamId}`;
          const prior = await qdb.get('syncQueue', key);
          // Several edits before a pass: one entry, the folder it left first still known.
          const oldFolder = prior?.kind === 'edit' && prior.oldFolder !== undefined ? prior.oldFolder : before.folder;
          return [{ key, kind: 'edit', streamId, title: after2.title, folder: after2.folder, oldFolder, at: deps.now() }];
        }),
      );
    }
    return reply;
  };
  // New subscriptions (one, or an OPML import) are sent by the next pass: it sends every feed the service lacks.
  const thenSoon =
    <K extends 'subscribe' | 'confirm-subscribe' | 'import-opml' | 'import-opml-url'>(base: Handlers[K]): Handlers[K] =>
    (async (req: Parameters<Handlers[K]>[0], sender: Parameters<Handlers[K]>[1]) => {
      const reply = await (base as (r: typeof req, s: typeof sender) => Promise<unknown>)(req, sender);
      if (await deps.sync.isConnected()) deps.sync.soon();
      return reply;
    }) as unknown as Handlers[K];

  return {
    ...handlers,
    'set-read': setRead(handlers['set-read']),
    'set-starred': setStarred(handlers['set-starred']),
    'mark-all-read': markAll(handlers['mark-all-read']),
    'mark-scope-read': markScope(handlers['mark-scope-read']),
    unsubscribe: unsubscribe(handlers.unsubscribe),
    'restore-feed': restore(handlers['restore-feed']),
    'update-feed': update(handlers['update-feed']),
    subscribe: thenSoon<'subscribe'>(handlers.subscribe),
    'confirm-subscribe': thenSoon<'confirm-subscribe'>(handlers['confirm-subscribe']),
    'import-opml': thenSoon<'import-opml'>(handlers['import-opml']),
    'import-opml-url': thenSoon<'import-opml-url'>(handlers['import-opml-url']),
  };
}
